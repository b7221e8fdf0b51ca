package dev.mvirt.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mvirt.proto.node.v1.HostFacts;
import dev.mvirt.proto.node.v1.NodeServiceGrpc;
import dev.mvirt.proto.node.v1.RegisterRequest;
import dev.mvirt.proto.node.v1.RegisterResponse;
import dev.mvirt.proto.node.v1.ResourceKey;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.ResourceStatus;
import dev.mvirt.proto.node.v1.StatusResult;
import dev.mvirt.proto.node.v1.UpdateResourceStatusRequest;
import dev.mvirt.proto.node.v1.UpdateResourceStatusResponse;
import dev.mvirt.proto.node.v1.VmObserved;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StatusSender} against an in-process NodeService that records what it was sent. */
class StatusSenderTest {
    private final List<String> phases = new CopyOnWriteArrayList<>();
    private volatile boolean refuse;
    private final String name = "status-sender-" + UUID.randomUUID();
    private final Server server;
    private final ManagedChannel channel;
    private Thread flusher = new Thread(() -> {});

    @TempDir
    Path dir;

    StatusSenderTest() throws Exception {
        server = InProcessServerBuilder.forName(name)
                .directExecutor()
                .addService(new FakeNodeService())
                .build()
                .start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stop() throws Exception {
        flusher.interrupt();
        flusher.join(5000);
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aTransitionReportedAndWaitedForIsSentEvenIfTheNextReportFollowsAtOnce() throws Exception {
        StatusSender sender = start();
        sender.report(vm("RUNNING"));
        assertThat(sender.reportAndWait(vm("STOPPING"), Duration.ofSeconds(5))).isTrue();
        sender.report(vm("STOPPED"));
        await().atMost(Duration.ofSeconds(5)).until(() -> phases.contains("STOPPED"));
        assertThat(phases).containsSubsequence("STOPPING", "STOPPED");
    }

    @Test
    void waitingEndsAfterItsBoundWhenNoServerTakesTheReport() throws Exception {
        refuse = true;
        StatusSender sender = start();
        long t0 = System.nanoTime();
        assertThat(sender.reportAndWait(vm("STOPPING"), Duration.ofMillis(300))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    private StatusSender start() throws Exception {
        ApiEndpoints endpoints = ApiEndpoints.over(List.of("in-process"), List.of(channel));
        Session session = new Session(
                endpoints,
                NodeIdentity.load(dir),
                new Session.Registration("host", Map.of(), HostFacts::getDefaultInstance, ""),
                () -> {});
        StatusSender sender = new StatusSender(endpoints, session);
        flusher = Thread.ofPlatform().daemon().name("status-sender-test").start(sender);
        return sender;
    }

    private static ResourceStatus vm(String phase) {
        return ResourceStatus.newBuilder()
                .setKey(ResourceKey.newBuilder()
                        .setKind(ResourceKind.RESOURCE_KIND_VM)
                        .setId("vm-1"))
                .setVm(VmObserved.newBuilder().setPhase(phase))
                .build();
    }

    private final class FakeNodeService extends NodeServiceGrpc.NodeServiceImplBase {
        @Override
        public void register(RegisterRequest request, StreamObserver<RegisterResponse> out) {
            out.onNext(RegisterResponse.newBuilder()
                    .setNodeId(request.getNodeId())
                    .setCredential("credential")
                    .setHeartbeatIntervalMs(5000)
                    .build());
            out.onCompleted();
        }

        @Override
        public void updateResourceStatus(
                UpdateResourceStatusRequest request, StreamObserver<UpdateResourceStatusResponse> out) {
            if (refuse) {
                out.onError(Status.UNAVAILABLE.withDescription("refusing").asRuntimeException());
                return;
            }
            UpdateResourceStatusResponse.Builder r = UpdateResourceStatusResponse.newBuilder();
            for (ResourceStatus s : request.getStatusesList()) {
                phases.add(s.getVm().getPhase());
                r.addResults(StatusResult.newBuilder().setKey(s.getKey()));
            }
            out.onNext(r.build());
            out.onCompleted();
        }
    }
}
