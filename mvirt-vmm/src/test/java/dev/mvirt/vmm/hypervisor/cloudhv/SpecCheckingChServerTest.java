package dev.mvirt.vmm.hypervisor.cloudhv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec check itself catches deliberately wrong requests (so a driver bug cannot slip through). */
class SpecCheckingChServerTest {
    private static final String GOOD = "{\"cpus\":{\"boot_vcpus\":1,\"max_vcpus\":1},\"memory\":{\"size\":1048576},"
            + "\"payload\":{\"kernel\":\"/k\"}}";

    @TempDir
    Path tmp;

    @Test
    void aValidCreateHasNoViolations() {
        assertThat(SpecCheckingChServer.violations("PUT", "/api/v1/vm.create", GOOD))
                .isEmpty();
    }

    @Test
    void aWronglyTypedFieldIsCaught() {
        String bad = GOOD.replace("\"boot_vcpus\":1", "\"boot_vcpus\":\"one\"");
        assertThat(SpecCheckingChServer.violations("PUT", "/api/v1/vm.create", bad))
                .isNotEmpty();
    }

    @Test
    void aMissingRequiredFieldIsCaught() {
        assertThat(SpecCheckingChServer.violations("PUT", "/api/v1/vm.create", "{\"cpus\":{\"boot_vcpus\":1}}"))
                .isNotEmpty();
    }

    @Test
    void anUnknownPathOrWrongMethodIsCaught() {
        assertThat(SpecCheckingChServer.violations("PUT", "/api/v1/vm.launch", ""))
                .isNotEmpty();
        assertThat(SpecCheckingChServer.violations("GET", "/api/v1/vm.boot", ""))
                .isNotEmpty();
        assertThat(SpecCheckingChServer.violations("POST", "/api/v1/vm.create", GOOD))
                .isNotEmpty();
    }

    @Test
    void aBadRequestSentOverTheSocketIsRecordedAndRefused() throws Exception {
        try (SpecCheckingChServer server = new SpecCheckingChServer(tmp)) {
            UnixHttp.Response r = UnixHttp.send(
                    server.socket(),
                    "PUT",
                    "/api/v1/vm.create",
                    Optional.of("{\"memory\":{\"size\":\"big\"},\"payload\":{}}"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(server.seen())
                    .singleElement()
                    .satisfies(s -> assertThat(s.violations()).isNotEmpty());
        }
    }
}
