package dev.mvirt.vmm.service;

import dev.mvirt.vmm.console.Consoles;
import dev.mvirt.vmm.console.VmConsole;
import dev.mvirt.vmm.hypervisor.Hypervisor;
import dev.mvirt.vmm.hypervisor.LaunchRequest;
import dev.mvirt.vmm.hypervisor.VmProcess;
import dev.mvirt.vmm.model.ConflictException;
import dev.mvirt.vmm.model.HypervisorException;
import dev.mvirt.vmm.model.NicSpec;
import dev.mvirt.vmm.model.NotFoundException;
import dev.mvirt.vmm.model.Phase;
import dev.mvirt.vmm.model.Vm;
import dev.mvirt.vmm.model.VmId;
import dev.mvirt.vmm.model.VmSpec;
import dev.mvirt.vmm.seed.SeedWriter;
import dev.mvirt.vmm.store.VmStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VM lifecycle over one {@link Hypervisor}: validates and stores specs, starts processes, watches them exit
 * (phase within a second), stops gracefully then forcibly, and re-adopts processes after a restart
 * ({@link #recover()}). Thread-safe: transitions of one VM are serialised; waits happen outside the lock.
 * Errors are {@link dev.mvirt.vmm.model.VmmException}s.
 */
public final class VmService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VmService.class);
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final VmStore store;
    private final Hypervisor hypervisor;
    private final SpecValidator validator;
    private final SeedWriter seeds;
    private final Consoles consoles;
    private final Path vmsDir;
    private final Clock clock;
    private final VmEvents events = new VmEvents();
    private final Processes processes;

    public VmService(
            VmStore store,
            Hypervisor hypervisor,
            Limits limits,
            SeedWriter seeds,
            Consoles consoles,
            Path dataDir,
            Clock clock) {
        this.store = store;
        this.hypervisor = hypervisor;
        this.validator = new SpecValidator(limits);
        this.seeds = seeds;
        this.consoles = consoles;
        this.vmsDir = dataDir.resolve("vms");
        this.clock = clock;
        this.processes = new Processes(this::onExit);
    }

    public VmEvents events() {
        return events;
    }

    public Hypervisor hypervisor() {
        return hypervisor;
    }

    /** Validates and stores a new VM in phase STOPPED. */
    public Vm create(Optional<VmId> requested, VmSpec spec) {
        VmId id = requested.orElseGet(VmId::random);
        VmSpec withMacs = withMacs(id, spec);
        validator.validate(withMacs);
        Vm vm = new Vm(
                id,
                withMacs,
                Phase.STOPPED,
                "created",
                Optional.empty(),
                hypervisor.name(),
                clock.instant(),
                clock.instant());
        store.insert(vm);
        LOG.info("vm created vm={} name={}", id, spec.name());
        events.publish(vm, false);
        return vm;
    }

    public Vm get(VmId id) {
        return store.get(id).orElseThrow(() -> new NotFoundException(id));
    }

    public List<Vm> list() {
        return store.list();
    }

    /** Starts the VM's process; answers RUNNING, or throws {@link HypervisorException} after recording FAILED. */
    public Vm start(VmId id) {
        synchronized (processes.lock(id)) {
            Vm vm = get(id);
            if (vm.phase().hasProcess()) {
                return vm;
            }
            Vm starting = record(vm.withPhase(Phase.STARTING, "starting", Optional.empty(), clock.instant()));
            Path runDir = Files2.createDirs(vmsDir.resolve(id.value()));
            try {
                Optional<Path> seed = vm.spec().cloudInit().map(ci -> seeds.write(id, ci, runDir));
                VmProcess p = hypervisor.start(new LaunchRequest(id, vm.spec(), runDir, seed));
                Vm running =
                        record(starting.withPhase(Phase.RUNNING, "running", Optional.of(p.ref()), clock.instant()));
                attach(running, p);
                LOG.info("vm started vm={} pid={}", id, p.ref().pid());
                return running;
            } catch (HypervisorException e) {
                record(starting.withPhase(
                        Phase.FAILED, "cannot start: " + e.getMessage(), Optional.empty(), clock.instant()));
                LOG.warn("vm start failed vm={} reason={}", id, e.getMessage());
                throw e;
            }
        }
    }

    /** Presses the power button, waits up to {@code timeout} for power-off, then quits and finally kills. */
    public Vm stop(VmId id, Duration timeout) {
        Optional<Processes.Running> r = beginEnd(id, ExitPolicy.Request.STOP, "power button pressed");
        if (r.isEmpty()) {
            return get(id);
        }
        Processes.Running run = r.get();
        Escalation.run(run.process(), run.done(), timeout, id);
        return Processes.await(run.done(), Duration.ofSeconds(10)).orElseGet(() -> get(id));
    }

    /** Kills the VM's process at once and answers once the phase is STOPPED. */
    public Vm kill(VmId id) {
        Optional<Processes.Running> r = beginEnd(id, ExitPolicy.Request.KILL, "killing");
        if (r.isEmpty()) {
            return get(id);
        }
        r.get().process().kill();
        return Processes.await(r.get().done(), Duration.ofSeconds(10)).orElseGet(() -> get(id));
    }

    /** Resets the guest of a running VM. */
    public Vm reboot(VmId id) {
        Processes.Running r =
                processes.running(id).orElseThrow(() -> new ConflictException("vm " + id + " is not running"));
        r.process().reboot();
        return get(id);
    }

    /** Deletes a stopped VM (or, with {@code force}, kills it first) and its files. */
    public void delete(VmId id, boolean force) {
        Vm vm = get(id);
        if (processes.running(id).isPresent()) {
            if (!force) {
                throw new ConflictException("vm " + id + " is " + vm.phase() + "; stop it first or force");
            }
            kill(id);
        }
        synchronized (processes.lock(id)) {
            consoles.close(id.value());
            store.delete(id);
            Files2.deleteTree(vmsDir.resolve(id.value()));
        }
        LOG.info("vm deleted vm={}", id);
        events.publish(vm, true);
    }

    /** The VM's console: live when it runs, else its kept output only. */
    public VmConsole console(VmId id) {
        get(id);
        return consoles.get(id.value()).orElseGet(() -> consoles.history(id.value(), vmsDir.resolve(id.value())));
    }

    /** After a daemon restart: re-adopts live processes, records the truth about dead ones. */
    public void recover() {
        for (Vm vm : store.list()) {
            if (vm.process().isEmpty() && !vm.phase().hasProcess()) {
                continue;
            }
            synchronized (processes.lock(vm.id())) {
                Optional<VmProcess> p = vm.process().flatMap(ref -> hypervisor.adopt(vm.id(), ref));
                if (p.isPresent()) {
                    Vm adopted = record(vm.withPhase(
                            Phase.RUNNING,
                            "re-adopted after daemon restart",
                            Optional.of(p.get().ref()),
                            clock.instant()));
                    attach(adopted, p.get());
                    LOG.info("vm re-adopted vm={} pid={}", vm.id(), vm.pid());
                } else {
                    Phase next = vm.phase() == Phase.STOPPING ? Phase.STOPPED : Phase.FAILED;
                    record(vm.withPhase(
                            next,
                            "hypervisor process " + vm.pid() + " ended while the daemon was down",
                            Optional.empty(),
                            clock.instant()));
                    LOG.warn("vm process gone vm={} pid={}", vm.id(), vm.pid());
                }
            }
        }
    }

    /** Daemon shutdown: lets every VM run on, only releases connections. */
    @Override
    public void close() {
        processes.detachAll();
        consoles.closeAll();
    }

    private Optional<Processes.Running> beginEnd(VmId id, ExitPolicy.Request why, String message) {
        synchronized (processes.lock(id)) {
            Vm vm = get(id);
            Optional<Processes.Running> r = processes.running(id);
            if (r.isPresent()) {
                r.get().request(why);
                record(vm.withPhase(Phase.STOPPING, message, vm.process(), clock.instant()));
            }
            return r;
        }
    }

    private void attach(Vm vm, VmProcess p) {
        consoles.open(vm.id().value(), p.consoleSocket(), vmsDir.resolve(vm.id().value()));
        processes.add(vm.id(), p);
    }

    private Vm onExit(VmId id, ExitPolicy.Outcome outcome) {
        synchronized (processes.lock(id)) {
            consoles.close(id.value());
            Optional<Vm> vm = store.get(id);
            if (vm.isEmpty()) {
                throw new NotFoundException(id);
            }
            LOG.info("vm process exited vm={} phase={} reason={}", id, outcome.phase(), outcome.message());
            return record(vm.get().withPhase(outcome.phase(), outcome.message(), Optional.empty(), clock.instant()));
        }
    }

    private Vm record(Vm vm) {
        store.update(vm);
        events.publish(vm, false);
        return vm;
    }

    private static VmSpec withMacs(VmId id, VmSpec s) {
        List<NicSpec> nics = new java.util.ArrayList<>();
        for (int i = 0; i < s.nics().size(); i++) {
            NicSpec n = s.nics().get(i);
            nics.add(n.mac().isEmpty() ? new NicSpec(n.tap(), Macs.derive(id, i)) : n);
        }
        return new VmSpec(s.name(), s.vcpus(), s.memoryMib(), s.directBoot(), s.disks(), nics, s.cloudInit());
    }
}
