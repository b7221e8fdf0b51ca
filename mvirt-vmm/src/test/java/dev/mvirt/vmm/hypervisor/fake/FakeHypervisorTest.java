package dev.mvirt.vmm.hypervisor.fake;

import dev.mvirt.vmm.hypervisor.Hypervisor;
import dev.mvirt.vmm.hypervisor.HypervisorContract;
import dev.mvirt.vmm.model.DirectBoot;
import dev.mvirt.vmm.model.VmSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

class FakeHypervisorTest extends HypervisorContract {
    private final FakeHypervisor fake = new FakeHypervisor();

    @Override
    protected Hypervisor hypervisor() {
        return fake;
    }

    @Override
    protected Hypervisor restarted() {
        // fake guests live in this JVM: a "restarted daemon" in tests shares the driver instance
        return fake;
    }

    @Override
    protected VmSpec bootableSpec() throws Exception {
        Path kernel = tmp.resolve("vmlinuz");
        FakeHypervisor.writeFakeKernel(kernel);
        return new VmSpec(
                "fake",
                1,
                64,
                Optional.of(new DirectBoot(kernel, Optional.empty(), "console=ttyS0")),
                List.of(),
                List.of(),
                Optional.empty());
    }

    @Override
    protected Duration bootTimeout() {
        return Duration.ofSeconds(5);
    }
}
