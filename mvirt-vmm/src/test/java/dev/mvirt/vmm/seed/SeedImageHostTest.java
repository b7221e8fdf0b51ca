package dev.mvirt.vmm.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.common.testing.HostAssumptions;
import dev.mvirt.vmm.model.CloudInit;
import dev.mvirt.vmm.model.VmId;
import dev.mvirt.vmm.testing.Tap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NoCloud seed is a real ISO labelled cidata whose files read back (with xorriso) as written. */
@Tag("host")
class SeedImageHostTest {
    @TempDir
    Path tmp;

    @Test
    void theSeedImageReadsBackWithItsFilesAndLabel() throws Exception {
        HostAssumptions.assumeCommand("xorriso");
        CloudInit ci = new CloudInit("web", "", List.of("ssh-ed25519 AAAAC3Nza alice@example"), "version: 2\n");
        Path image = new XorrisoSeedWriter().write(new VmId("vm-7"), ci, tmp);
        assertThat(image).exists();
        assertThat(tmp.resolve("seed.d")).doesNotExist();

        Path out = Files.createDirectories(tmp.resolve("out"));
        Tap.run(tmp, "xorriso", "-osirrox", "on", "-indev", image.toString(), "-extract", "/", out.toString());
        assertThat(out.resolve("meta-data")).content().contains("instance-id: \"vm-7\"", "local-hostname: \"web\"");
        assertThat(out.resolve("user-data"))
                .content()
                .startsWith("#cloud-config")
                .contains("alice@example");
        assertThat(out.resolve("network-config")).content().isEqualTo("version: 2\n");
        byte[] iso = Files.readAllBytes(image);
        assertThat(new String(iso, 32808, 6, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("cidata");
    }
}
