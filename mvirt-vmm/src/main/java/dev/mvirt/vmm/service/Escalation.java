package dev.mvirt.vmm.service;

import dev.mvirt.vmm.hypervisor.VmProcess;
import dev.mvirt.vmm.model.HypervisorException;
import dev.mvirt.vmm.model.Vm;
import dev.mvirt.vmm.model.VmId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A graceful stop: power button, wait; then the hypervisor's own quit, wait; then SIGKILL. */
final class Escalation {
    private static final Logger LOG = LoggerFactory.getLogger(Escalation.class);
    private static final Duration QUIT_GRACE = Duration.ofSeconds(3);

    private Escalation() {}

    static void run(VmProcess p, CompletableFuture<Vm> done, Duration timeout, VmId id) {
        try {
            p.powerButton();
        } catch (HypervisorException e) {
            LOG.warn("power button failed vm={} reason={}", id, e.getMessage());
        }
        if (Processes.await(done, timeout).isPresent()) {
            return;
        }
        LOG.warn("guest did not power off within {} s, quitting the hypervisor vm={}", timeout.toSeconds(), id);
        try {
            p.quit();
        } catch (HypervisorException e) {
            LOG.warn("quit failed vm={} reason={}", id, e.getMessage());
        }
        if (Processes.await(done, QUIT_GRACE).isPresent()) {
            return;
        }
        LOG.warn("hypervisor still running, killing vm={} pid={}", id, p.ref().pid());
        p.kill();
    }
}
