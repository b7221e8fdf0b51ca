package dev.mvirt.api.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.api.controller.Heartbeats;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.VmPhase;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.ClusterInfo;
import dev.mvirt.api.store.LocalStore;
import dev.mvirt.api.store.SingleNodeCluster;
import dev.mvirt.proto.node.v1.HeartbeatRequest;
import dev.mvirt.proto.node.v1.HostFacts;
import dev.mvirt.proto.node.v1.NodeAuth;
import dev.mvirt.proto.node.v1.NodeServiceGrpc;
import dev.mvirt.proto.node.v1.RegisterRequest;
import dev.mvirt.proto.node.v1.RegisterResponse;
import dev.mvirt.proto.node.v1.ResourceKey;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.ResourceStatus;
import dev.mvirt.proto.node.v1.StatusResult;
import dev.mvirt.proto.node.v1.UpdateResourceStatusRequest;
import dev.mvirt.proto.node.v1.VmObserved;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NodeService handlers over a LocalStore, through an in-process gRPC server. */
class NodeServiceTest {
    static final String TOKEN = "join-token-0123456789";

    final Hosts.MutableClock clock = new Hosts.MutableClock(1_000_000);
    final LocalStore store = Hosts.store(clock);
    final Heartbeats heartbeats = new Heartbeats(clock);
    final AtomicReference<ClusterInfo.Role> role = new AtomicReference<>(ClusterInfo.Role.LEADER);
    Server server;
    ManagedChannel channel;
    NodeServiceGrpc.NodeServiceBlockingStub stub;

    @BeforeEach
    void start() throws IOException {
        ClusterInfo single = new SingleNodeCluster("p1", store);
        ClusterInfo cluster = new RoleCluster(single, role);
        String name = "node-service-" + Hosts.uuid();
        server = InProcessServerBuilder.forName(name)
                .directExecutor()
                .addService(new NodeServiceImpl(store, cluster, heartbeats, new StaticJoinToken(TOKEN), clock))
                .build()
                .start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        stub = NodeServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void aFailingCredentialAnswersRegisterInsteadOfHanging() throws IOException {
        JoinAuthority broken = new JoinAuthority() {
            @Override
            public boolean acceptsJoinToken(String token) {
                return true;
            }

            @Override
            public String credentialFor(String nodeId) {
                throw new IllegalStateException("no node secret yet");
            }

            @Override
            public boolean verify(String nodeId, String credential) {
                return false;
            }
        };
        String name = "node-service-broken-" + Hosts.uuid();
        Server s = InProcessServerBuilder.forName(name)
                .directExecutor()
                .addService(new NodeServiceImpl(store, new SingleNodeCluster("p1", store), heartbeats, broken, clock))
                .build()
                .start();
        ManagedChannel c =
                InProcessChannelBuilder.forName(name).directExecutor().build();
        try {
            var call = NodeServiceGrpc.newBlockingStub(c).withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThatThrownBy(() -> call.register(registration(Hosts.uuid(), "n9", TOKEN)))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL));
        } finally {
            c.shutdownNow();
            s.shutdownNow();
        }
    }

    static RegisterRequest registration(String id, String name, String token) {
        return RegisterRequest.newBuilder()
                .setNodeId(id)
                .setName(name)
                .setJoinToken(token)
                .setFacts(HostFacts.newBuilder()
                        .setHostname("h")
                        .setCpus(8)
                        .setMemoryMib(16384)
                        .addHypervisors("qemu"))
                .build();
    }

    NodeAuth register(String id, String name) {
        RegisterResponse r = stub.register(registration(id, name, TOKEN));
        return NodeAuth.newBuilder()
                .setNodeId(id)
                .setCredential(r.getCredential())
                .build();
    }

    @Test
    void registerExchangesTheJoinTokenForACredential() {
        String id = Hosts.uuid();
        RegisterResponse r = stub.register(registration(id, "n1", TOKEN));
        assertThat(r.getCredential()).isNotEmpty().isNotEqualTo(TOKEN);
        assertThat(r.getHeartbeatIntervalMs()).isEqualTo(5000);
        assertThat(store.read().nodes().get(id).orElseThrow().status().phase()).isEqualTo(NodePhase.READY);
        assertThat(heartbeats.lastSeen(id)).isPresent();
    }

    @Test
    void registerRefusesABadTokenAndBadFields() {
        assertThatThrownBy(() -> stub.register(registration(Hosts.uuid(), "n1", "wrong-token-0123456789")))
                .isInstanceOf(StatusRuntimeException.class)
                .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThatThrownBy(() -> stub.register(registration("not-a-uuid", "n1", TOKEN)))
                .hasMessageContaining("INVALID_ARGUMENT")
                .hasMessageContaining("node_id");
        assertThatThrownBy(() -> stub.register(registration(Hosts.uuid(), "../etc", TOKEN)))
                .hasMessageContaining("name");
        assertThat(store.read().nodes().size()).isZero();
    }

    @Test
    void heartbeatsCountOnlyOnTheLeader() {
        NodeAuth auth = register(Hosts.uuid(), "n1");
        clock.advance(1000);
        assertThat(stub.heartbeat(HeartbeatRequest.newBuilder().setAuth(auth).build())
                        .getCounted())
                .isTrue();
        assertThat(heartbeats.lastSeen(auth.getNodeId())).hasValue(clock.millis());
        role.set(ClusterInfo.Role.FOLLOWER);
        clock.advance(1000);
        var r = stub.heartbeat(HeartbeatRequest.newBuilder().setAuth(auth).build());
        assertThat(r.getCounted()).isFalse();
        assertThat(r.getNodePhase()).isEqualTo("READY");
        assertThat(heartbeats.lastSeen(auth.getNodeId())).hasValue(clock.millis() - 1000);
    }

    @Test
    void unknownNodesAndBadCredentialsAreRefused() {
        NodeAuth auth = register(Hosts.uuid(), "n1");
        NodeAuth forged = auth.toBuilder().setCredential("forged").build();
        assertThatThrownBy(() -> stub.heartbeat(
                        HeartbeatRequest.newBuilder().setAuth(forged).build()))
                .hasMessageContaining("UNAUTHENTICATED");
        String other = Hosts.uuid();
        NodeAuth unknown = NodeAuth.newBuilder()
                .setNodeId(other)
                .setCredential(new StaticJoinToken(TOKEN).credentialFor(other))
                .build();
        assertThatThrownBy(() -> stub.heartbeat(
                        HeartbeatRequest.newBuilder().setAuth(unknown).build()))
                .hasMessageContaining("NOT_FOUND");
    }

    @Test
    void statusReportsAreAppliedPerItem() {
        NodeAuth auth = register(Hosts.uuid(), "n1");
        String vm = Hosts.vm(store, "vm1", auth.getNodeId(), List.of());
        var resp = stub.updateResourceStatus(UpdateResourceStatusRequest.newBuilder()
                .setAuth(auth)
                .addStatuses(vmStatus(vm, "RUNNING"))
                .addStatuses(vmStatus(vm, "SCHEDULED"))
                .addStatuses(vmStatus(Hosts.uuid(), "RUNNING"))
                .build());
        assertThat(resp.getResultsList()).extracting(StatusResult::getCode).containsExactly("", "invalid", "not_found");
        assertThat(store.read().vms().get(vm).orElseThrow().status().phase()).isEqualTo(VmPhase.RUNNING);
    }

    @Test
    void deregisterMarksTheNodeDown() {
        NodeAuth auth = register(Hosts.uuid(), "n1");
        String vm = Hosts.vm(store, "vm1", auth.getNodeId(), List.of());
        stub.deregister(dev.mvirt.proto.node.v1.DeregisterRequest.newBuilder()
                .setAuth(auth)
                .build());
        assertThat(store.read()
                        .nodes()
                        .get(auth.getNodeId())
                        .orElseThrow()
                        .status()
                        .phase())
                .isEqualTo(NodePhase.DOWN);
        assertThat(store.read().vms().get(vm).orElseThrow().status().phase()).isEqualTo(VmPhase.UNKNOWN);
        Hosts.ok(store.submit(new Command.SetNodePhase(auth.getNodeId(), NodePhase.READY), Caller.of("t")));
    }

    static ResourceStatus vmStatus(String id, String phase) {
        return ResourceStatus.newBuilder()
                .setKey(ResourceKey.newBuilder()
                        .setKind(ResourceKind.RESOURCE_KIND_VM)
                        .setId(id))
                .setVm(VmObserved.newBuilder().setPhase(phase).setPid(42))
                .build();
    }
}
