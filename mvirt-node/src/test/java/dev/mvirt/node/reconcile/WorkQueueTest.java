package dev.mvirt.node.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.node.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
    final TestClock clock = new TestClock();
    final WorkQueue q = new WorkQueue(clock, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void aKeyIsQueuedOnceAndNeverHandedOutTwiceAtOnce() {
        q.add("a");
        q.add("a");
        q.add("b");
        assertThat(q.size()).isEqualTo(2);
        assertThat(q.poll()).hasValue("a");
        q.add("a");
        assertThat(q.poll()).hasValue("b");
        assertThat(q.poll()).as("a is being processed").isEmpty();
        q.done("a");
        assertThat(q.poll()).as("added while processed: handed out again").hasValue("a");
        q.done("a");
        q.done("b");
        assertThat(q.poll()).isEmpty();
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCapAndForgetResets() {
        q.add("a");
        for (long expected : new long[] {100, 200, 400, 800, 1000, 1000}) {
            assertThat(q.poll()).hasValue("a");
            q.retry("a");
            q.done("a");
            clock.advance(expected - 1);
            assertThat(q.poll()).isEmpty();
            clock.advance(1);
        }
        assertThat(q.poll()).hasValue("a");
        q.forget("a");
        q.retry("a");
        q.done("a");
        clock.advance(100);
        assertThat(q.poll()).hasValue("a");
    }

    @Test
    void anAddMakesADelayedKeyDueAtOnce() {
        q.addAfter("a", Duration.ofSeconds(10));
        assertThat(q.poll()).isEmpty();
        q.add("a");
        assertThat(q.poll()).hasValue("a");
    }
}
