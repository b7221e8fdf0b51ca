package dev.mvirt.vmm.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.vmm.model.CloudInit;
import dev.mvirt.vmm.model.VmId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoCloudFilesTest {
    @Test
    void metaDataHasInstanceIdHostnameAndKeys() {
        Map<String, String> f = NoCloudFiles.of(
                new VmId("vm-1"), new CloudInit("web", "", List.of("ssh-ed25519 AAAAC3 alice@host"), "version: 2\n"));
        assertThat(f).containsOnlyKeys("meta-data", "user-data", "network-config");
        assertThat(f.get("meta-data"))
                .contains(
                        "instance-id: \"vm-1\"\n",
                        "local-hostname: \"web\"\n",
                        "  - \"ssh-ed25519 AAAAC3 alice@host\"");
        assertThat(f.get("user-data")).startsWith("#cloud-config\n").contains("ssh_authorized_keys:");
        assertThat(f.get("network-config")).isEqualTo("version: 2\n");
    }

    @Test
    void givenUserDataIsKeptVerbatimAndNoNetworkConfigMeansNoFile() {
        Map<String, String> f =
                NoCloudFiles.of(new VmId("vm-2"), new CloudInit("db", "#!/bin/sh\necho hi\n", List.of(), ""));
        assertThat(f).containsOnlyKeys("meta-data", "user-data");
        assertThat(f.get("user-data")).isEqualTo("#!/bin/sh\necho hi\n");
    }
}
