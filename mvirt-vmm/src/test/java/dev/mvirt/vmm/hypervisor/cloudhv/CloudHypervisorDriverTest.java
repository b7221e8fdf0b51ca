package dev.mvirt.vmm.hypervisor.cloudhv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvirt.vmm.hypervisor.Acceleration;
import dev.mvirt.vmm.hypervisor.LaunchRequest;
import dev.mvirt.vmm.hypervisor.ProcessExit;
import dev.mvirt.vmm.hypervisor.VmProcess;
import dev.mvirt.vmm.model.DirectBoot;
import dev.mvirt.vmm.model.DiskFormat;
import dev.mvirt.vmm.model.DiskSpec;
import dev.mvirt.vmm.model.HypervisorException;
import dev.mvirt.vmm.model.NicSpec;
import dev.mvirt.vmm.model.VmId;
import dev.mvirt.vmm.model.VmSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud-hypervisor driver against a spec-checking fake API server: every request it sends must validate
 * against cloud-hypervisor's OpenAPI document. The VMM "binary" is a script that links its --api-socket to the
 * fake and runs until vmm.shutdown (the real binary cannot be installed here).
 */
class CloudHypervisorDriverTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private SpecCheckingChServer server;
    private CloudHypervisorDriver driver;
    private VmProcess process;

    @BeforeEach
    void setUp() throws Exception {
        server = new SpecCheckingChServer(tmp);
        Path binary = tmp.resolve("cloud-hypervisor");
        Files.writeString(binary, """
                #!/bin/sh
                case "$1" in --version) echo "cloud-hypervisor v41.0 (spec fake)"; exit 0;; esac
                [ "$1" = --api-socket ] || { echo "usage: --api-socket path=PATH" >&2; exit 2; }
                ln -s "%s" "${2#path=}"
                while [ ! -e "%s" ]; do sleep 0.1; done
                """.formatted(server.socket(), server.shutdownFlag()));
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        driver = new CloudHypervisorDriver(
                binary.toString(), tmp.resolve("hypervisor-fw"), new Acceleration(true, "KVM"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (process != null && !process.exit().isDone()) {
            process.kill();
            process.exit().get(10, TimeUnit.SECONDS);
        }
        server.close();
    }

    @Test
    void everyRequestOfAVmLifetimeValidatesAgainstTheSpec() throws Exception {
        process = driver.start(request(directBootSpec()));
        assertThat(((ChProcess) process).state()).isEqualTo("Running");
        process.reboot();
        process.powerButton();
        process.quit();
        ProcessExit exit = process.exit().get(10, TimeUnit.SECONDS);
        assertThat(exit.status()).isZero();

        assertThat(server.seen())
                .allSatisfy(s -> assertThat(s.violations())
                        .as(s.method() + " " + s.path())
                        .isEmpty());
        assertThat(server.seen().stream().map(s -> s.method() + " " + s.path()).collect(Collectors.toSet()))
                .contains(
                        "GET /api/v1/vmm.ping",
                        "PUT /api/v1/vm.create",
                        "PUT /api/v1/vm.boot",
                        "GET /api/v1/vm.info",
                        "PUT /api/v1/vm.reboot",
                        "PUT /api/v1/vm.power-button",
                        "PUT /api/v1/vm.shutdown",
                        "PUT /api/v1/vm.delete",
                        "PUT /api/v1/vmm.shutdown");
    }

    @Test
    void theVmConfigCarriesCpusMemoryPayloadDisksNetsSeedAndSerialSocket() throws Exception {
        process = driver.start(request(directBootSpec()));
        JsonNode config = JSON.readTree(created().body());
        assertThat(config.at("/cpus/boot_vcpus").asInt()).isEqualTo(2);
        assertThat(config.at("/memory/size").asLong()).isEqualTo(256L * 1024 * 1024);
        assertThat(config.at("/payload/kernel").asText()).endsWith("vmlinuz");
        assertThat(config.at("/payload/initramfs").asText()).endsWith("initrd");
        assertThat(config.at("/disks/0/path").asText()).endsWith("disk.qcow2");
        assertThat(config.at("/disks/1/readonly").asBoolean()).isTrue();
        assertThat(config.at("/net/0/tap").asText()).isEqualTo("tap-vm1");
        assertThat(config.at("/serial/mode").asText()).isEqualTo("Socket");
        assertThat(config.at("/serial/socket").asText())
                .isEqualTo(process.consoleSocket().toString());
    }

    @Test
    void diskBootUsesTheFirmwareAndValidates() throws Exception {
        VmSpec spec = new VmSpec(
                "diskboot",
                1,
                128,
                Optional.empty(),
                List.of(new DiskSpec(tmp.resolve("root.raw"), DiskFormat.RAW, false)),
                List.of(),
                Optional.empty());
        process = driver.start(new LaunchRequest(
                new VmId("vm2"), spec, Files.createDirectories(tmp.resolve("run2")), Optional.empty()));
        JsonNode config = JSON.readTree(created().body());
        assertThat(config.at("/payload/firmware").asText()).endsWith("hypervisor-fw");
        assertThat(server.seen()).allSatisfy(s -> assertThat(s.violations()).isEmpty());
    }

    @Test
    void aMissingBinaryFailsTheStartWithTheReason() {
        CloudHypervisorDriver broken =
                new CloudHypervisorDriver("/nonexistent/cloud-hypervisor", tmp, new Acceleration(true, "KVM"));
        assertThatThrownBy(() -> broken.start(request(directBootSpec())))
                .isInstanceOf(HypervisorException.class)
                .hasMessageContaining("cloud-hypervisor");
    }

    @Test
    void theVersionComesFromTheBinary() {
        assertThat(driver.version()).contains("v41.0");
    }

    private SpecCheckingChServer.Seen created() {
        return server.seen().stream()
                .filter(s -> s.path().endsWith("vm.create"))
                .findFirst()
                .orElseThrow();
    }

    private LaunchRequest request(VmSpec spec) throws Exception {
        return new LaunchRequest(
                new VmId("vm1"),
                spec,
                Files.createDirectories(tmp.resolve("run")),
                Optional.of(tmp.resolve("seed.iso")));
    }

    private VmSpec directBootSpec() {
        return new VmSpec(
                "chvm",
                2,
                256,
                Optional.of(
                        new DirectBoot(tmp.resolve("vmlinuz"), Optional.of(tmp.resolve("initrd")), "console=ttyS0")),
                List.of(new DiskSpec(tmp.resolve("disk.qcow2"), DiskFormat.QCOW2, false)),
                List.of(new NicSpec("tap-vm1", "52:54:00:00:00:01")),
                Optional.empty());
    }
}
