package dev.mvirt.vmm.bench;

import dev.mvirt.vmm.hypervisor.Acceleration;
import dev.mvirt.vmm.hypervisor.Hypervisor;
import dev.mvirt.vmm.hypervisor.LaunchRequest;
import dev.mvirt.vmm.hypervisor.VmProcess;
import dev.mvirt.vmm.model.ProcessRef;
import dev.mvirt.vmm.model.VmId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Wraps a driver and records, per VM, when the daemon handed it to the driver (just before exec). */
final class TimingHypervisor implements Hypervisor {
    private final Hypervisor inner;
    private final Map<String, Long> execNanos = new ConcurrentHashMap<>();

    TimingHypervisor(Hypervisor inner) {
        this.inner = inner;
    }

    long execNanos(String vm) {
        return execNanos.getOrDefault(vm, 0L);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String version() {
        return inner.version();
    }

    @Override
    public Acceleration acceleration() {
        return inner.acceleration();
    }

    @Override
    public VmProcess start(LaunchRequest request) {
        execNanos.put(request.id().value(), System.nanoTime());
        return inner.start(request);
    }

    @Override
    public Optional<VmProcess> adopt(VmId id, ProcessRef ref) {
        return inner.adopt(id, ref);
    }
}
