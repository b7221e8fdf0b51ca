package dev.mvirt.node.daemon;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.proto.vmm.v1.CloudInit;
import dev.mvirt.proto.vmm.v1.CreateVmRequest;
import dev.mvirt.proto.vmm.v1.DeleteVmRequest;
import dev.mvirt.proto.vmm.v1.DirectBoot;
import dev.mvirt.proto.vmm.v1.Disk;
import dev.mvirt.proto.vmm.v1.ListVmsRequest;
import dev.mvirt.proto.vmm.v1.Nic;
import dev.mvirt.proto.vmm.v1.StopVmRequest;
import dev.mvirt.proto.vmm.v1.SystemInfoRequest;
import dev.mvirt.proto.vmm.v1.SystemInfoResponse;
import dev.mvirt.proto.vmm.v1.Vm;
import dev.mvirt.proto.vmm.v1.VmEvent;
import dev.mvirt.proto.vmm.v1.VmRef;
import dev.mvirt.proto.vmm.v1.VmServiceGrpc;
import dev.mvirt.proto.vmm.v1.VmSpec;
import dev.mvirt.proto.vmm.v1.WatchVmsRequest;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link VmDaemon} over mvirt-vmm's {@code VmService} (proto/src/main/proto/mvirt/vmm.proto) on a unix socket or
 * TCP. Calls carry a deadline; gRPC failures become {@link DaemonException}s with the daemon's description.
 * {@link #watch} follows {@code WatchVms} on a virtual thread and reconnects after a daemon restart.
 */
public final class GrpcVmDaemon implements VmDaemon {
    private static final Logger log = LoggerFactory.getLogger(GrpcVmDaemon.class);
    private static final long DEADLINE_SECONDS = 60;

    private final Endpoint endpoint;
    private final ManagedChannel channel;
    private final Context.CancellableContext watchContext = Context.current().withCancellation();

    /** A client of the daemon at {@code endpoint}; connects lazily. */
    public GrpcVmDaemon(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.channel = GrpcChannels.open(endpoint);
    }

    private VmServiceGrpc.VmServiceBlockingStub stub() {
        return VmServiceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public Optional<VmState> get(String id) {
        try {
            return Optional.of(state(stub().getVm(ref(id))));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw failure("get VM " + id, e);
        }
    }

    @Override
    public List<VmState> list() {
        return call(
                "list VMs",
                () -> stub().listVms(ListVmsRequest.getDefaultInstance()).getVmsList().stream()
                        .map(GrpcVmDaemon::state)
                        .toList());
    }

    @Override
    public void create(String id, Definition d) {
        VmSpec.Builder spec = VmSpec.newBuilder()
                .setName(d.name())
                .setVcpus(d.vcpus())
                .setMemoryMib(d.memoryMib())
                .setDirectBoot(DirectBoot.newBuilder()
                        .setKernel(d.kernel())
                        .setInitramfs(d.initramfs())
                        .setCmdline(d.cmdline()))
                .setCloudInit(CloudInit.newBuilder()
                        .setHostname(d.name())
                        .setUserData(d.userData())
                        .addAllSshAuthorizedKeys(d.sshKeys()));
        d.disks().forEach(p -> spec.addDisks(Disk.newBuilder().setPath(p)));
        d.nics().forEach(n -> spec.addNics(Nic.newBuilder().setTap(n.tap()).setMac(n.mac())));
        try {
            stub().createVm(CreateVmRequest.newBuilder().setId(id).setSpec(spec).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw failure("create VM " + id, e);
            }
        }
    }

    @Override
    public VmState start(String id) {
        return call("start VM " + id, () -> state(stub().startVm(ref(id))));
    }

    @Override
    public VmState stop(String id, boolean force) {
        return call(
                "stop VM " + id,
                () -> state(
                        force
                                ? stub().killVm(ref(id))
                                : stub().stopVm(StopVmRequest.newBuilder()
                                        .setId(id)
                                        .build())));
    }

    @Override
    public void reboot(String id) {
        call("reboot VM " + id, () -> stub().rebootVm(ref(id)));
    }

    @Override
    public void delete(String id) {
        try {
            stub().deleteVm(DeleteVmRequest.newBuilder()
                    .setId(id)
                    .setForce(true)
                    .build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
                throw failure("delete VM " + id, e);
            }
        }
    }

    @Override
    public void watch(Consumer<String> changed) {
        Thread.ofVirtual().name("vmm-watch").start(() -> watchWithin(changed));
    }

    @Override
    public Console console(String id, ConsoleOptions options, ConsoleListener listener) {
        return GrpcConsole.attach(channel, id, options, listener);
    }

    @Override
    public HostInfo info() {
        SystemInfoResponse r = call("system info", () -> stub().systemInfo(SystemInfoRequest.getDefaultInstance()));
        return new HostInfo(
                r.getCpus(),
                r.getMemoryTotalBytes() >> 20,
                r.getHypervisor().equals("fake") ? List.of("qemu", "cloud-hypervisor") : List.of(r.getHypervisor()));
    }

    @Override
    public void close() {
        watchContext.cancel(null);
        channel.shutdownNow();
    }

    private void watchWithin(Consumer<String> changed) {
        while (!watchContext.isCancelled()) {
            try {
                watchContext.run(() -> {
                    Iterator<VmEvent> it =
                            VmServiceGrpc.newBlockingStub(channel).watchVms(WatchVmsRequest.getDefaultInstance());
                    it.forEachRemaining(e -> changed.accept(e.getVm().getId()));
                });
            } catch (StatusRuntimeException e) {
                if (!watchContext.isCancelled()) {
                    log.warn("vmm watch lost endpoint={}: {}; retrying", endpoint, e.getStatus());
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static VmState state(Vm vm) {
        Phase p = switch (vm.getPhase()) {
            case VM_PHASE_STARTING -> Phase.STARTING;
            case VM_PHASE_RUNNING -> Phase.RUNNING;
            case VM_PHASE_STOPPING -> Phase.STOPPING;
            case VM_PHASE_FAILED -> Phase.FAILED;
            case VM_PHASE_STOPPED, VM_PHASE_UNSPECIFIED, UNRECOGNIZED -> Phase.STOPPED;
        };
        return new VmState(vm.getId(), p, vm.getMessage(), vm.getPid());
    }

    private static VmRef ref(String id) {
        return VmRef.newBuilder().setId(id).build();
    }

    private <T> T call(String what, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (StatusRuntimeException e) {
            throw failure(what, e);
        }
    }

    private DaemonException failure(String what, StatusRuntimeException e) {
        String why = e.getStatus().getDescription() == null
                ? e.getStatus().getCode().toString()
                : e.getStatus().getDescription();
        return new DaemonException("mvirt-vmm at " + endpoint + ": " + what + ": " + why, e);
    }
}
