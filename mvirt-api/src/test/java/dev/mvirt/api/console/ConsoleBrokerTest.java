package dev.mvirt.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ConsoleBrokerTest {
    private static final AttachRequest REQ = new AttachRequest("vm-1", 65536, false, false, 0, 0);

    /** Records what a side was told. */
    static final class Recorder implements ClientEnd, NodeEnd, ConsoleChannel {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void output(byte[] data) {
            events.add("out:" + new String(data, StandardCharsets.UTF_8));
        }

        @Override
        public void closed(String reason) {
            events.add("closed:" + reason);
        }

        @Override
        public void input(byte[] data) {
            events.add("in:" + new String(data, StandardCharsets.UTF_8));
        }

        @Override
        public void resize(int cols, int rows) {
            events.add("size:" + cols + "x" + rows);
        }

        @Override
        public void close(String reason) {
            events.add("close:" + reason);
        }

        @Override
        public void open(String sessionId, AttachRequest request) {
            events.add("open:" + request.vmId());
        }
    }

    private final ConsoleBroker broker = new ConsoleBroker(Duration.ofSeconds(10));

    @Test
    void withoutAChannelThereIsNoSession() {
        assertThat(broker.hasChannel("n1")).isFalse();
        assertThat(broker.attach("n1", REQ, new Recorder())).isEmpty();
    }

    @Test
    void theAgentAnswersAndHeldInputFollowsInOrder() {
        Recorder channel = new Recorder();
        broker.channel("n1", channel);
        Recorder client = new Recorder();
        ConsoleLink link = broker.attach("n1", REQ, client).orElseThrow();
        assertThat(channel.events).containsExactly("open:vm-1");
        link.resize(80, 24);
        link.input(bytes("ls\n"));

        Recorder node = new Recorder();
        assertThat(broker.accept("n2", link.id(), node))
                .as("another node's answer")
                .isEmpty();
        assertThat(broker.accept("n1", link.id(), node)).contains(link);
        assertThat(broker.accept("n1", link.id(), new Recorder()))
                .as("answered once")
                .isEmpty();
        assertThat(node.events).containsExactly("size:80x24", "in:ls\n");

        link.output(bytes("hello"));
        link.nodeClosed("the VM stopped");
        link.nodeClosed("again");
        link.input(bytes("late"));
        assertThat(client.events).containsExactly("out:hello", "closed:the VM stopped");
        assertThat(node.events).endsWith("close:the VM stopped");
        assertThat(broker.sessions()).isZero();
    }

    @Test
    void theClientLeavingTellsTheAgentOnce() {
        broker.channel("n1", new Recorder());
        Recorder client = new Recorder();
        ConsoleLink link = broker.attach("n1", REQ, client).orElseThrow();
        Recorder node = new Recorder();
        broker.accept("n1", link.id(), node);
        link.clientClosed("detached");
        link.clientClosed("detached twice");
        link.nodeClosed("late");
        assertThat(node.events).containsExactly("close:detached");
        assertThat(client.events).isEmpty();
    }

    @Test
    void anAgentThatNeverAnswersTimesOut() {
        ConsoleBroker quick = new ConsoleBroker(Duration.ofMillis(100));
        quick.channel("n1", new Recorder());
        Recorder client = new Recorder();
        ConsoleLink link = quick.attach("n1", REQ, client).orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(link::ended);
        assertThat(client.events).singleElement().asString().contains("did not open the console");
        assertThat(quick.accept("n1", link.id(), new Recorder())).isEmpty();
    }

    @Test
    void theNewestChannelIsUsedAndLosingTheLastOneFailsWaitingSessions() throws Exception {
        Recorder old = new Recorder();
        Recorder newer = new Recorder();
        AutoCloseable first = broker.channel("n1", old);
        AutoCloseable second = broker.channel("n1", newer);
        Recorder client = new Recorder();
        assertThat(broker.attach("n1", REQ, client)).isPresent();
        assertThat(old.events).isEmpty();
        assertThat(newer.events).containsExactly("open:vm-1");
        second.close();
        assertThat(client.events).isEmpty();
        first.close();
        assertThat(broker.hasChannel("n1")).isFalse();
        assertThat(client.events).singleElement().asString().contains("agent disconnected");
    }

    @Test
    void closingTheBrokerEndsEverySession() {
        broker.channel("n1", new Recorder());
        Recorder client = new Recorder();
        assertThat(broker.attach("n1", REQ, client)).isPresent();
        broker.close();
        assertThat(client.events).containsExactly("closed:the API server is shutting down");
        assertThat(broker.attach("n1", REQ, new Recorder())).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
