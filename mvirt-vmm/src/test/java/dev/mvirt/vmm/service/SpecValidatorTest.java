package dev.mvirt.vmm.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.vmm.model.CloudInit;
import dev.mvirt.vmm.model.DirectBoot;
import dev.mvirt.vmm.model.DiskFormat;
import dev.mvirt.vmm.model.DiskSpec;
import dev.mvirt.vmm.model.InvalidSpecException;
import dev.mvirt.vmm.model.NicSpec;
import dev.mvirt.vmm.model.VmSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecValidatorTest {
    @TempDir
    Path tmp;

    private Path images;
    private SpecValidator validator;

    @BeforeEach
    void setUp() throws Exception {
        images = Fixtures.imageDir(tmp);
        validator = new SpecValidator(Fixtures.limits(images));
    }

    @Test
    void aGoodSpecPasses() {
        assertThatCode(() -> validator.validate(Fixtures.spec(images, "web-1"))).doesNotThrowAnyException();
    }

    @Test
    void namesAreValidated() {
        for (String bad : List.of("", "Web", "-x", "a/b", "a..b/", "x".repeat(64), "a\nb", "a_b")) {
            assertThatThrownBy(() -> validator.validate(with(Fixtures.spec(images, bad))))
                    .as(bad)
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessageStartingWith("name:");
        }
    }

    @Test
    void cpuAndMemoryAreBounded() {
        VmSpec s = Fixtures.spec(images, "a");
        assertField(new VmSpec("a", 0, 64, s.directBoot(), List.of(), List.of(), Optional.empty()), "vcpus");
        assertField(new VmSpec("a", 9, 64, s.directBoot(), List.of(), List.of(), Optional.empty()), "vcpus");
        assertField(new VmSpec("a", 1, 8, s.directBoot(), List.of(), List.of(), Optional.empty()), "memoryMib");
        assertField(new VmSpec("a", 1, 5000, s.directBoot(), List.of(), List.of(), Optional.empty()), "memoryMib");
    }

    @Test
    void pathsMustStayUnderTheImageDirectories() throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside.img"), "x");
        assertField(kernel(outside), "directBoot.kernel");
        assertField(kernel(images.resolve("../outside.img")), "directBoot.kernel");
        assertField(kernel(Path.of("relative/vmlinuz")), "directBoot.kernel");
        assertField(kernel(images.resolve("missing")), "directBoot.kernel");
        Path link = Files.createSymbolicLink(images.resolve("escape"), outside);
        assertField(kernel(link), "directBoot.kernel");
        assertField(kernel(images.resolve("-rf")), "directBoot.kernel");
    }

    @Test
    void disksNicsAndCloudInitAreChecked() {
        VmSpec s = Fixtures.spec(images, "a");
        assertField(new VmSpec("a", 1, 64, Optional.empty(), List.of(), List.of(), Optional.empty()), "disks");
        assertField(
                new VmSpec(
                        "a",
                        1,
                        64,
                        s.directBoot(),
                        List.of(new DiskSpec(Path.of("/etc/shadow"), DiskFormat.RAW, false)),
                        List.of(),
                        Optional.empty()),
                "disks[0].path");
        assertField(
                new VmSpec(
                        "a",
                        1,
                        64,
                        s.directBoot(),
                        List.of(),
                        List.of(new NicSpec("tap;rm", "52:54:00:00:00:01")),
                        Optional.empty()),
                "nics[0].tap");
        assertField(
                new VmSpec("a", 1, 64, s.directBoot(), List.of(), List.of(new NicSpec("tap0", "zz")), Optional.empty()),
                "nics[0].mac");
        assertField(
                new VmSpec(
                        "a",
                        1,
                        64,
                        s.directBoot(),
                        List.of(),
                        List.of(),
                        Optional.of(new CloudInit("a", "", List.of("ssh-ed25519 AAAA\nevil"), ""))),
                "cloudInit.sshAuthorizedKeys");
        assertField(
                new VmSpec(
                        "a",
                        1,
                        64,
                        s.directBoot(),
                        List.of(),
                        List.of(),
                        Optional.of(new CloudInit("Bad Host", "", List.of(), ""))),
                "cloudInit.hostname");
    }

    private VmSpec kernel(Path p) {
        return new VmSpec(
                "a",
                1,
                64,
                Optional.of(new DirectBoot(p, Optional.empty(), "")),
                List.of(),
                List.of(),
                Optional.empty());
    }

    private static VmSpec with(VmSpec s) {
        return s;
    }

    private void assertField(VmSpec s, String field) {
        assertThatThrownBy(() -> validator.validate(s))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith(field + ":");
    }
}
