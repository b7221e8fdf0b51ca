package dev.mvirt.vmm.grpc;

import dev.mvirt.proto.vmm.v1.ConsoleInput;
import dev.mvirt.proto.vmm.v1.ConsoleOutput;
import dev.mvirt.proto.vmm.v1.CreateVmRequest;
import dev.mvirt.proto.vmm.v1.DeleteVmRequest;
import dev.mvirt.proto.vmm.v1.DeleteVmResponse;
import dev.mvirt.proto.vmm.v1.ListVmsRequest;
import dev.mvirt.proto.vmm.v1.ListVmsResponse;
import dev.mvirt.proto.vmm.v1.StopVmRequest;
import dev.mvirt.proto.vmm.v1.SystemInfoRequest;
import dev.mvirt.proto.vmm.v1.SystemInfoResponse;
import dev.mvirt.proto.vmm.v1.Vm;
import dev.mvirt.proto.vmm.v1.VmEvent;
import dev.mvirt.proto.vmm.v1.VmRef;
import dev.mvirt.proto.vmm.v1.VmServiceGrpc;
import dev.mvirt.proto.vmm.v1.WatchVmsRequest;
import dev.mvirt.vmm.model.VmId;
import dev.mvirt.vmm.service.HostInfo;
import dev.mvirt.vmm.service.VmEvents;
import dev.mvirt.vmm.service.VmService;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** The gRPC edge of {@link VmService}: parse, call one method, map the result or the error. */
public final class VmGrpcService extends VmServiceGrpc.VmServiceImplBase {
    private final VmService vms;

    public VmGrpcService(VmService vms) {
        this.vms = vms;
    }

    @Override
    public void createVm(CreateVmRequest req, StreamObserver<Vm> out) {
        unary(out, () -> {
            Optional<VmId> id = req.getId().isEmpty() ? Optional.empty() : Optional.of(new VmId(req.getId()));
            return ProtoCodec.vm(vms.create(id, ProtoCodec.spec(req.getSpec())));
        });
    }

    @Override
    public void startVm(VmRef req, StreamObserver<Vm> out) {
        unary(out, () -> ProtoCodec.vm(vms.start(new VmId(req.getId()))));
    }

    @Override
    public void stopVm(StopVmRequest req, StreamObserver<Vm> out) {
        Duration timeout =
                req.getTimeoutSeconds() == 0 ? Duration.ofSeconds(30) : Duration.ofSeconds(req.getTimeoutSeconds());
        unary(out, () -> ProtoCodec.vm(vms.stop(new VmId(req.getId()), timeout)));
    }

    @Override
    public void killVm(VmRef req, StreamObserver<Vm> out) {
        unary(out, () -> ProtoCodec.vm(vms.kill(new VmId(req.getId()))));
    }

    @Override
    public void rebootVm(VmRef req, StreamObserver<Vm> out) {
        unary(out, () -> ProtoCodec.vm(vms.reboot(new VmId(req.getId()))));
    }

    @Override
    public void deleteVm(DeleteVmRequest req, StreamObserver<DeleteVmResponse> out) {
        unary(out, () -> {
            vms.delete(new VmId(req.getId()), req.getForce());
            return DeleteVmResponse.getDefaultInstance();
        });
    }

    @Override
    public void getVm(VmRef req, StreamObserver<Vm> out) {
        unary(out, () -> ProtoCodec.vm(vms.get(new VmId(req.getId()))));
    }

    @Override
    public void listVms(ListVmsRequest req, StreamObserver<ListVmsResponse> out) {
        unary(
                out,
                () -> ListVmsResponse.newBuilder()
                        .addAllVms(vms.list().stream().map(ProtoCodec::vm).toList())
                        .build());
    }

    @Override
    public void watchVms(WatchVmsRequest req, StreamObserver<VmEvent> out) {
        ServerCallStreamObserver<VmEvent> call = (ServerCallStreamObserver<VmEvent>) out;
        VmEvents.Listener l = (vm, deleted) -> {
            synchronized (call) {
                if (!call.isCancelled()) {
                    call.onNext(VmEvent.newBuilder()
                            .setVm(ProtoCodec.vm(vm))
                            .setDeleted(deleted)
                            .build());
                }
            }
        };
        call.setOnCancelHandler(() -> vms.events().remove(l));
        synchronized (call) {
            vms.events().add(l);
            vms.list()
                    .forEach(vm -> call.onNext(
                            VmEvent.newBuilder().setVm(ProtoCodec.vm(vm)).build()));
        }
    }

    @Override
    public StreamObserver<ConsoleInput> console(StreamObserver<ConsoleOutput> out) {
        return new ConsoleCall(vms, (ServerCallStreamObserver<ConsoleOutput>) out);
    }

    @Override
    public void systemInfo(SystemInfoRequest req, StreamObserver<SystemInfoResponse> out) {
        unary(out, () -> ProtoCodec.systemInfo(HostInfo.read(vms.hypervisor())));
    }

    private static <T> void unary(StreamObserver<T> out, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            out.onError(GrpcErrors.map(e));
            return;
        }
        out.onNext(result);
        out.onCompleted();
    }
}
