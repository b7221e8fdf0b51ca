package dev.mvirt.node.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mvirt.api.console.AttachRequest;
import dev.mvirt.api.console.ClientEnd;
import dev.mvirt.api.console.ConsoleBroker;
import dev.mvirt.api.console.ConsoleLink;
import dev.mvirt.api.controller.Heartbeats;
import dev.mvirt.api.grpc.NodeServer;
import dev.mvirt.api.grpc.StaticJoinToken;
import dev.mvirt.api.scheduler.Scheduler;
import dev.mvirt.api.store.LocalStore;
import dev.mvirt.api.store.SingleNodeCluster;
import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.node.api.ApiEndpoints;
import dev.mvirt.node.api.NodeIdentity;
import dev.mvirt.node.api.Session;
import dev.mvirt.node.daemon.FakeVmDaemon;
import dev.mvirt.node.daemon.HostInfo;
import dev.mvirt.node.daemon.VmDaemon;
import dev.mvirt.proto.node.v1.HostFacts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's console channels against the real NodeService and broker, over the fake hypervisor daemon. */
class ConsoleChannelsTest {
    private static final String JOIN = "join-token-0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final ConsoleBroker broker = new ConsoleBroker(Duration.ofSeconds(5));
    private final FakeVmDaemon vmm = new FakeVmDaemon(new HostInfo(4, 8192, List.of("qemu")));
    private NodeServer server;
    private ApiEndpoints endpoints;
    private Session session;
    private ConsoleChannels channels;

    /** A client end that keeps what it was sent. */
    static final class Client implements ClientEnd {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override
        public synchronized void output(byte[] data) {
            out.writeBytes(data);
        }

        @Override
        public void closed(String reason) {
            closed.complete(reason);
        }

        synchronized String seen() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void start() {
        LocalStore store = new LocalStore(new Scheduler(), Clock.systemUTC());
        server = NodeServer.start(
                new Endpoint.Tcp("127.0.0.1", 0),
                store,
                new SingleNodeCluster("api-1", store),
                new Heartbeats(Clock.systemUTC()),
                new StaticJoinToken(JOIN),
                Clock.systemUTC(),
                broker);
        endpoints = ApiEndpoints.open(List.of(new Endpoint.Tcp("127.0.0.1", server.port())));
        session = new Session(
                endpoints,
                NodeIdentity.load(dir),
                new Session.Registration(
                        "host-1",
                        Map.of(),
                        () -> HostFacts.newBuilder()
                                .setHostname("host-1")
                                .setCpus(4)
                                .setMemoryMib(8192)
                                .build(),
                        JOIN),
                () -> {});
        channels = ConsoleChannels.start(endpoints, session, vmm);
        vmm.create("vm-1", definition());
        vmm.start("vm-1");
        await().atMost(WAIT).until(() -> broker.hasChannel(session.nodeId()));
    }

    @AfterEach
    void stop() {
        channels.close();
        endpoints.close();
        server.close();
    }

    @Test
    void bytesFlowBothWaysAndTheWindowSizeReachesTheDaemon() {
        Client c = new Client();
        ConsoleLink link = attach(c, false);
        await().atMost(WAIT).until(() -> c.seen().contains("[fake console of vm vm-1]"));
        link.resize(100, 30);
        link.input("echo me\n".getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> c.seen().contains("echo me\n"));
        await().atMost(WAIT).until(() -> vmm.consoleSize("vm-1").isPresent());
        assertThat(vmm.consoleSize("vm-1").orElseThrow()).containsExactly(100, 30);
        link.clientClosed("detached");
        await().atMost(WAIT).until(() -> channels.sessions("vm-1") == 0);
    }

    @Test
    void aSecondAttachSharesAndAForcedOneTakesOver() throws Exception {
        Client a = new Client();
        Client b = new Client();
        ConsoleLink first = attach(a, false);
        attach(b, false);
        await().atMost(WAIT).until(() -> channels.sessions("vm-1") == 2);
        first.input("shared\n".getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> b.seen().contains("shared\n"));
        assertThat(b.seen()).as("replayed on attach").contains("[fake console of vm vm-1]");

        Client taker = new Client();
        attach(taker, true);
        assertThat(a.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ConsoleSessions.TAKEN_OVER);
        assertThat(b.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ConsoleSessions.TAKEN_OVER);
        await().atMost(WAIT).until(() -> channels.sessions("vm-1") == 1);
        assertThat(taker.closed).isNotDone();
    }

    @Test
    void aStoppedVmOrAStoppingAgentEndsTheSessionWithAReason() throws Exception {
        Client c = new Client();
        attach(c, false);
        await().atMost(WAIT).until(() -> channels.sessions("vm-1") == 1);
        vmm.stop("vm-1", true);
        assertThat(c.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("the VM stopped");

        Client late = new Client();
        attach(late, false);
        assertThat(late.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).contains("not running on this host");

        vmm.start("vm-1");
        Client last = new Client();
        attach(last, false);
        await().atMost(WAIT).until(() -> channels.sessions("vm-1") == 1);
        channels.close();
        assertThat(last.closed.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo("the host's agent is stopping");
        await().atMost(WAIT).until(() -> !broker.hasChannel(session.nodeId()));
    }

    private ConsoleLink attach(Client c, boolean force) {
        return broker.attach(session.nodeId(), new AttachRequest("vm-1", 0, false, force, 0, 0), c)
                .orElseThrow();
    }

    private static VmDaemon.Definition definition() {
        return new VmDaemon.Definition("vm-1", 1, 256, "/k", "", "", List.of(), List.of(), "", List.of());
    }
}
