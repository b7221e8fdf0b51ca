package dev.mvirt.api.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvirt.api.auth.JoinToken;
import dev.mvirt.api.auth.NodeCredentials;
import dev.mvirt.api.auth.SecretBook;
import dev.mvirt.api.controller.Heartbeats;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.LocalStore;
import dev.mvirt.api.store.SingleNodeCluster;
import dev.mvirt.proto.node.v1.HeartbeatRequest;
import dev.mvirt.proto.node.v1.NodeAuth;
import dev.mvirt.proto.node.v1.NodeServiceGrpc;
import dev.mvirt.proto.node.v1.RegisterResponse;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Joining through {@link ClusterJoinAuthority}: API-created join tokens, the bootstrap token, node credentials. */
class NodeJoinTest {
    static final String BOOTSTRAP = "bootstrap-token-0123456789";
    final Hosts.MutableClock clock = new Hosts.MutableClock(1_000_000);
    final LocalStore store = Hosts.store(clock);
    final SecretBook<JoinToken> book = JoinToken.book(new ObjectMapper());
    Server server;
    ManagedChannel channel;
    NodeServiceGrpc.NodeServiceBlockingStub stub;

    @BeforeEach
    void start() throws IOException {
        String name = "node-join-" + Hosts.uuid();
        JoinAuthority auth = new ClusterJoinAuthority(store, List.of(new StaticJoinToken(BOOTSTRAP)), clock);
        server = InProcessServerBuilder.forName(name)
                .directExecutor()
                .addService(new NodeServiceImpl(
                        store, new SingleNodeCluster("p1", store), new Heartbeats(clock), auth, clock))
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

    /** A live join token created as the API does; returns its secret. */
    String joinToken(String name, long expiresAt) {
        String id = Hosts.uuid();
        SecretBook.Secret s = book.newSecret(id);
        submit(book.store(new JoinToken(id, name, expiresAt, false, clock.millis(), s.hash())));
        return s.secret();
    }

    void submit(Command c) {
        assertThat(store.submit(c, Caller.of("admin")).join().result().ok()).isTrue();
    }

    NodeAuth register(String id, String token) {
        RegisterResponse r = stub.register(NodeServiceTest.registration(id, "n-" + id.substring(0, 8), token));
        return NodeAuth.newBuilder()
                .setNodeId(id)
                .setCredential(r.getCredential())
                .build();
    }

    void heartbeat(NodeAuth auth) {
        stub.heartbeat(HeartbeatRequest.newBuilder().setAuth(auth).build());
    }

    static void refused(ThrowingCallable call, Status.Code code) {
        assertThatThrownBy(call)
                .isInstanceOf(StatusRuntimeException.class)
                .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode())
                .isEqualTo(code);
    }

    @Test
    void anApiCreatedTokenRegistersANodeWhoseCredentialDoesNotDeriveFromIt() {
        ClusterJoinAuthority.ensureNodeSecret(store);
        String token = joinToken("rack-1", 0);
        String id = Hosts.uuid();
        NodeAuth auth = register(id, token);
        heartbeat(auth);
        assertThat(auth.getCredential()).isEqualTo(register(id, BOOTSTRAP).getCredential());
        assertThat(auth.getCredential()).isNotEqualTo(new StaticJoinToken(BOOTSTRAP).credentialFor(id));
    }

    @Test
    void aRevokedJoinTokenRefusesNewHostsButJoinedOnesKeepWorking() {
        ClusterJoinAuthority.ensureNodeSecret(store);
        String token = joinToken("rack-1", 0);
        NodeAuth joined = register(Hosts.uuid(), token);
        JoinToken t = book.byName(store.read(), "rack-1").orElseThrow();
        submit(book.store(t.revoke()));
        refused(() -> register(Hosts.uuid(), token), Status.Code.UNAUTHENTICATED);
        heartbeat(joined);
    }

    @Test
    void anExpiredOrUnknownTokenIsRefused() {
        ClusterJoinAuthority.ensureNodeSecret(store);
        String token = joinToken("short", clock.millis() + 1000);
        register(Hosts.uuid(), token);
        clock.advance(1000);
        refused(() -> register(Hosts.uuid(), token), Status.Code.UNAUTHENTICATED);
        refused(
                () -> register(Hosts.uuid(), "mvj_" + Hosts.uuid() + "_" + "x".repeat(43)),
                Status.Code.UNAUTHENTICATED);
        refused(() -> register(Hosts.uuid(), "wrong-token-0123456789"), Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aDeletedNodeIsRefused() {
        ClusterJoinAuthority.ensureNodeSecret(store);
        String id = Hosts.uuid();
        NodeAuth auth = register(id, BOOTSTRAP);
        submit(new Command.Delete(Kind.NODE, id, 0, false));
        refused(() -> heartbeat(auth), Status.Code.NOT_FOUND);
    }

    @Test
    void oneNodesCredentialCanBeRevoked() {
        ClusterJoinAuthority.ensureNodeSecret(store);
        NodeAuth a = register(Hosts.uuid(), BOOTSTRAP);
        NodeAuth b = register(Hosts.uuid(), BOOTSTRAP);
        submit(NodeCredentials.revoke(store.read(), a.getNodeId()));
        refused(() -> heartbeat(a), Status.Code.UNAUTHENTICATED);
        heartbeat(b);
        heartbeat(register(a.getNodeId(), BOOTSTRAP));
    }

    @Test
    void withoutANodeSecretRegistrationIsUnavailable() {
        refused(() -> register(Hosts.uuid(), BOOTSTRAP), Status.Code.UNAVAILABLE);
        assertThat(ClusterJoinAuthority.ensureNodeSecret(store)).isTrue();
        assertThat(ClusterJoinAuthority.ensureNodeSecret(store)).isFalse();
        register(Hosts.uuid(), BOOTSTRAP);
    }
}
