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
    /** Every report the server took, in order; and the number of reports in each call it took. */
    private final List<ResourceStatus> received = new CopyOnWriteArrayList<>();

    private final List<Integer> calls = new CopyOnWriteArrayList<>();
    private volatile boolean refuse;
    private volatile int refused;
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
    void everyPhaseIsSentInOrderThoughTheNextFollowsWithinAFlush() {
        StatusSender sender = start();
        reportAll(sender, vm("RUNNING", ""), vm("STOPPING", ""), vm("STOPPED", ""));

        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= 3);
        assertThat(phases()).containsExactly("RUNNING", "STOPPING", "STOPPED");
        assertThat(calls).as("one report of the VM per call").allMatch(n -> n == 1);
    }

    @Test
    void aNewerReportOfTheSamePhaseReplacesTheWaitingOne() {
        StatusSender sender = sender();
        reportAll(sender, vm("RUNNING", "a"), vm("RUNNING", "b"), vm("STOPPING", "c"), vm("STOPPING", "d"));
        assertThat(sender.pending()).isEqualTo(2);
        run(sender);

        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= 2);
        assertThat(received).extracting(s -> s.getVm().getMessage()).containsExactly("b", "d");
    }

    @Test
    void aFailedCallKeepsItsReportAheadOfNewerOnes() {
        refuse = true;
        StatusSender sender = start();
        sender.report(vm("STOPPING", ""));
        await().atMost(Duration.ofSeconds(5)).until(() -> refused > 0);
        sender.report(vm("STOPPED", ""));
        refuse = false;

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        assertThat(phases()).containsExactly("STOPPING", "STOPPED");
    }

    @Test
    void aReportEqualToTheDeliveredOneIsNotSentAgain() {
        StatusSender sender = start();
        sender.report(vm("RUNNING", "x"));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
        // calls go one after another: once another resource's report arrived, the first call was settled
        sender.report(vm("vm-2", "RUNNING", "z"));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);

        sender.report(vm("RUNNING", "x"));

        assertThat(sender.pending()).isZero();
    }

    @Test
    void atMostTheNewestReportsOfAResourceWait() {
        StatusSender sender = sender();
        for (int i = 0; i < StatusSender.MAX_WAITING + 5; i++) {
            sender.report(vm(i % 2 == 0 ? "RUNNING" : "STOPPED", Integer.toString(i)));
        }
        assertThat(sender.pending()).isEqualTo(StatusSender.MAX_WAITING);
    }

    private static void reportAll(StatusSender sender, ResourceStatus... reports) {
        for (ResourceStatus r : reports) {
            sender.report(r);
        }
    }

    private List<String> phases() {
        return received.stream().map(s -> s.getVm().getPhase()).toList();
    }

    private StatusSender start() {
        StatusSender sender = sender();
        run(sender);
        return sender;
    }

    private void run(StatusSender sender) {
        flusher = Thread.ofPlatform().daemon().name("status-sender-test").start(sender);
    }

    private StatusSender sender() {
        ApiEndpoints endpoints = ApiEndpoints.over(List.of("in-process"), List.of(channel));
        Session session = new Session(
                endpoints,
                NodeIdentity.load(dir),
                new Session.Registration("host", Map.of(), HostFacts::getDefaultInstance, ""),
                () -> {});
        return new StatusSender(endpoints, session);
    }

    private static ResourceStatus vm(String phase, String message) {
        return vm("vm-1", phase, message);
    }

    private static ResourceStatus vm(String id, String phase, String message) {
        return ResourceStatus.newBuilder()
                .setKey(ResourceKey.newBuilder()
                        .setKind(ResourceKind.RESOURCE_KIND_VM)
                        .setId(id))
                .setVm(VmObserved.newBuilder().setPhase(phase).setMessage(message))
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
                refused++;
                out.onError(Status.UNAVAILABLE.withDescription("refusing").asRuntimeException());
                return;
            }
            UpdateResourceStatusResponse.Builder r = UpdateResourceStatusResponse.newBuilder();
            calls.add(request.getStatusesCount());
            for (ResourceStatus s : request.getStatusesList()) {
                received.add(s);
                r.addResults(StatusResult.newBuilder().setKey(s.getKey()));
            }
            out.onNext(r.build());
            out.onCompleted();
        }
    }
}
