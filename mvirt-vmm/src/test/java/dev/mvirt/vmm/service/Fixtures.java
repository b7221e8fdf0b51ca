package dev.mvirt.vmm.service;

import dev.mvirt.vmm.hypervisor.fake.FakeHypervisor;
import dev.mvirt.vmm.model.DirectBoot;
import dev.mvirt.vmm.model.VmSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Specs and limits for service tests: an image dir with a fake kernel. */
public final class Fixtures {
    private Fixtures() {}

    public static Path imageDir(Path tmp) throws IOException {
        Path images = Files.createDirectories(tmp.resolve("images"));
        FakeHypervisor.writeFakeKernel(images.resolve("vmlinuz"));
        return images;
    }

    public static Limits limits(Path images) {
        return new Limits(8, 16, 4096, List.of(images));
    }

    public static VmSpec spec(Path images, String name) {
        return new VmSpec(
                name,
                1,
                64,
                Optional.of(new DirectBoot(images.resolve("vmlinuz"), Optional.empty(), "console=ttyS0")),
                List.of(),
                List.of(),
                Optional.empty());
    }
}
