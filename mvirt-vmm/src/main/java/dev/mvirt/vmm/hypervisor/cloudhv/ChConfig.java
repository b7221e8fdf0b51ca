package dev.mvirt.vmm.hypervisor.cloudhv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.vmm.hypervisor.LaunchRequest;
import dev.mvirt.vmm.model.DiskSpec;
import dev.mvirt.vmm.model.NicSpec;
import java.nio.file.Path;

/** Builds cloud-hypervisor's {@code VmConfig} JSON (the body of {@code PUT /api/v1/vm.create}). */
final class ChConfig {
    static final String CONSOLE_SOCKET = "console.sock";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChConfig() {}

    static ObjectNode vmConfig(LaunchRequest req, Path firmware) {
        ObjectNode vm = JSON.createObjectNode();
        vm.putObject("cpus")
                .put("boot_vcpus", req.spec().vcpus())
                .put("max_vcpus", req.spec().vcpus());
        vm.putObject("memory").put("size", req.spec().memoryMib() * 1024 * 1024);
        ObjectNode payload = vm.putObject("payload");
        req.spec()
                .directBoot()
                .ifPresentOrElse(
                        boot -> {
                            payload.put("kernel", boot.kernel().toString()).put("cmdline", boot.cmdline());
                            boot.initramfs().ifPresent(i -> payload.put("initramfs", i.toString()));
                        },
                        () -> payload.put("firmware", firmware.toString()));
        ArrayNode disks = vm.putArray("disks");
        for (DiskSpec d : req.spec().disks()) {
            disks.addObject().put("path", d.path().toString()).put("readonly", d.readonly());
        }
        req.seedImage()
                .ifPresent(
                        seed -> disks.addObject().put("path", seed.toString()).put("readonly", true));
        ArrayNode net = vm.putArray("net");
        for (NicSpec n : req.spec().nics()) {
            net.addObject().put("tap", n.tap()).put("mac", n.mac());
        }
        vm.putObject("serial")
                .put("mode", "Socket")
                .put("socket", req.runDir().resolve(CONSOLE_SOCKET).toString());
        vm.putObject("console").put("mode", "Off");
        return vm;
    }
}
