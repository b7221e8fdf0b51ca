package dev.mvirt.vmm.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.vmm.model.CloudInit;
import dev.mvirt.vmm.model.DirectBoot;
import dev.mvirt.vmm.model.DiskFormat;
import dev.mvirt.vmm.model.DiskSpec;
import dev.mvirt.vmm.model.NicSpec;
import dev.mvirt.vmm.model.VmSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stored JSON form of a {@link VmSpec} (the model carries no JSON annotations). */
final class SpecJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecJson() {}

    static String write(VmSpec s) {
        ObjectNode n = JSON.createObjectNode().put("name", s.name()).put("vcpus", s.vcpus());
        n.put("memoryMib", s.memoryMib());
        s.directBoot().ifPresent(b -> {
            ObjectNode d = n.putObject("directBoot").put("kernel", b.kernel().toString());
            d.put("cmdline", b.cmdline());
            b.initramfs().ifPresent(i -> d.put("initramfs", i.toString()));
        });
        s.disks()
                .forEach(d -> n.withArray("disks")
                        .addObject()
                        .put("path", d.path().toString())
                        .put("format", d.format().name())
                        .put("readonly", d.readonly()));
        s.nics()
                .forEach(
                        x -> n.withArray("nics").addObject().put("tap", x.tap()).put("mac", x.mac()));
        s.cloudInit().ifPresent(c -> {
            ObjectNode ci =
                    n.putObject("cloudInit").put("hostname", c.hostname()).put("userData", c.userData());
            ci.put("networkConfig", c.networkConfig());
            c.sshAuthorizedKeys().forEach(k -> ci.withArray("sshAuthorizedKeys").add(k));
        });
        return n.toString();
    }

    static VmSpec read(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new VmSpec(
                    n.path("name").asText(),
                    n.path("vcpus").asInt(),
                    n.path("memoryMib").asLong(),
                    directBoot(n.path("directBoot")),
                    disks(n.path("disks")),
                    nics(n.path("nics")),
                    cloudInit(n.path("cloudInit")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored spec is not JSON: " + e.getMessage(), e);
        }
    }

    private static Optional<DirectBoot> directBoot(JsonNode b) {
        if (b.isMissingNode()) {
            return Optional.empty();
        }
        Optional<Path> initrd =
                b.has("initramfs") ? Optional.of(Path.of(b.get("initramfs").asText())) : Optional.empty();
        return Optional.of(new DirectBoot(
                Path.of(b.path("kernel").asText()), initrd, b.path("cmdline").asText()));
    }

    private static List<DiskSpec> disks(JsonNode a) {
        List<DiskSpec> out = new ArrayList<>();
        a.forEach(d -> out.add(new DiskSpec(
                Path.of(d.path("path").asText()),
                DiskFormat.valueOf(d.path("format").asText("RAW")),
                d.path("readonly").asBoolean())));
        return out;
    }

    private static List<NicSpec> nics(JsonNode a) {
        List<NicSpec> out = new ArrayList<>();
        a.forEach(x -> out.add(new NicSpec(x.path("tap").asText(), x.path("mac").asText())));
        return out;
    }

    private static Optional<CloudInit> cloudInit(JsonNode c) {
        if (c.isMissingNode()) {
            return Optional.empty();
        }
        List<String> keys = new ArrayList<>();
        c.path("sshAuthorizedKeys").forEach(k -> keys.add(k.asText()));
        return Optional.of(new CloudInit(
                c.path("hostname").asText(),
                c.path("userData").asText(),
                keys,
                c.path("networkConfig").asText()));
    }
}
