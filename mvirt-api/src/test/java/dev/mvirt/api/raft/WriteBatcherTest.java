package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.api.codec.CommandCodec;
import dev.mvirt.api.codec.Decoded;
import dev.mvirt.api.model.FieldError;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Envelope;
import dev.mvirt.api.state.Result;
import dev.mvirt.api.store.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Group commit against a fake log: what is proposed when, and who gets which outcome. */
class WriteBatcherTest {

    /** A log that holds each proposal until the test commits it; outcomes echo each command's position. */
    private static final class FakeLog {
        final List<byte[]> proposed = new ArrayList<>();
        final List<CompletableFuture<Long>> pending = new ArrayList<>();

        CompletableFuture<Long> propose(byte[] data) {
            proposed.add(data);
            CompletableFuture<Long> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        }

        /** Commits proposal {@code i} at log index 100 + i. */
        void commit(int i) {
            pending.get(i).complete(100L + i);
        }

        CompletableFuture<List<Outcome>> outcomes(long index) {
            byte[] data = proposed.get((int) (index - 100));
            List<Outcome> out = new ArrayList<>();
            int n = commands(data).size();
            for (int k = 0; k < n; k++) {
                out.add(new Outcome(index * 1000 + k, new Result.Done(index * 1000 + k)));
            }
            return CompletableFuture.completedFuture(out);
        }
    }

    /** A batcher over {@code log} with default limits and {@code inFlight} entries in flight. */
    private static WriteBatcher batcher(FakeLog log, int inFlight) {
        return new WriteBatcher(log::propose, log::outcomes, inFlight, 128, 1 << 20);
    }

    private static List<Envelope> commands(byte[] data) {
        return switch (CommandCodec.decode(data)) {
            case Decoded.Ok ok -> List.of(ok.envelope());
            case Decoded.Batch b ->
                b.entries().stream().map(d -> ((Decoded.Ok) d).envelope()).toList();
            case Decoded.Rejected r -> throw new AssertionError(r.reason());
        };
    }

    private static byte[] write(String name) {
        return CommandCodec.encode(Envelope.of(new Command.SetSettings(Map.of("k", name)), "t", 1));
    }

    private static String name(Envelope e) {
        return ((Command.SetSettings) e.command()).values().get("k");
    }

    @Test
    void aLoneWriteIsProposedAtOnceAsAPlainEntry() throws Exception {
        FakeLog log = new FakeLog();
        WriteBatcher b = batcher(log, 1);
        CompletableFuture<Outcome> f = b.submit(write("a"));
        assertThat(log.proposed).hasSize(1);
        assertThat(CommandCodec.decode(log.proposed.getFirst())).isInstanceOf(Decoded.Ok.class);
        log.commit(0);
        assertThat(f.get().revision()).isEqualTo(100_000);
    }

    @Test
    void writesThatQueueBehindAnEntryInFlightGoTogetherAndEachGetsItsOwnOutcome() throws Exception {
        FakeLog log = new FakeLog();
        WriteBatcher b = batcher(log, 1);
        CompletableFuture<Outcome> first = b.submit(write("a"));
        List<CompletableFuture<Outcome>> rest = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rest.add(b.submit(write("w" + i)));
        }
        assertThat(log.proposed).hasSize(1);
        assertThat(b.queued()).isEqualTo(5);
        log.commit(0);
        assertThat(first.get().revision()).isEqualTo(100_000);
        assertThat(log.proposed).hasSize(2);
        assertThat(commands(log.proposed.get(1)))
                .extracting(WriteBatcherTest::name)
                .containsExactly("w0", "w1", "w2", "w3", "w4");
        log.commit(1);
        for (int i = 0; i < 5; i++) {
            assertThat(rest.get(i).get().revision()).isEqualTo(101_000 + i);
        }
    }

    @Test
    void eachWriteReportsItsStagesOnceItsEntryIsApplied() throws Exception {
        FakeLog log = new FakeLog();
        List<long[]> entries = new ArrayList<>();
        WriteBatcher b = new WriteBatcher(
                log::propose,
                log::outcomes,
                1,
                128,
                1 << 20,
                (queued, committed, applied) -> entries.add(java.util.stream.LongStream.concat(
                                java.util.Arrays.stream(queued), java.util.stream.LongStream.of(committed, applied))
                        .toArray()));
        b.submit(write("a"));
        b.submit(write("b"));
        CompletableFuture<Outcome> c = b.submit(write("c"));
        Thread.sleep(5);
        assertThat(entries).isEmpty();
        log.commit(0);
        log.commit(1);
        c.get();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).hasSize(3); // one write, its commit, its apply
        assertThat(entries.get(1)).hasSize(4); // two writes that queued behind the first
        assertThat(entries.get(1)[0]).isGreaterThanOrEqualTo(5_000_000L); // they waited for the first to commit
        assertThat(entries.get(0)[1]).isGreaterThanOrEqualTo(5_000_000L); // its commit came 5 ms after it was sent
        assertThat(entries)
                .allSatisfy(e -> assertThat(java.util.Arrays.stream(e).min().orElseThrow())
                        .isNotNegative());
    }

    @Test
    void batchesStayWithinTheCommandAndByteLimits() {
        FakeLog log = new FakeLog();
        int size = write("w00").length;
        WriteBatcher b = new WriteBatcher(log::propose, log::outcomes, 1, 3, size * 2);
        b.submit(write("xxx"));
        for (int i = 0; i < 5; i++) {
            b.submit(write("w0" + i));
        }
        log.commit(0);
        assertThat(commands(log.proposed.get(1))).hasSize(2);
        log.commit(1);
        assertThat(commands(log.proposed.get(2))).hasSize(2);
        log.commit(2);
        assertThat(commands(log.proposed.get(3))).hasSize(1);
        WriteBatcher c = new WriteBatcher(log::propose, log::outcomes, 1, 3, 1 << 20);
        c.submit(write("yyy"));
        for (int i = 0; i < 5; i++) {
            c.submit(write("v0" + i));
        }
        log.commit(4);
        assertThat(commands(log.proposed.get(5))).hasSize(3);
    }

    @Test
    void aFailedEntryFailsEveryWriteInItAndTheQueueGoesOn() {
        FakeLog log = new FakeLog();
        WriteBatcher b = batcher(log, 1);
        b.submit(write("a"));
        var x = b.submit(write("x"));
        var y = b.submit(write("y"));
        log.commit(0);
        var z = b.submit(write("z"));
        log.pending.get(1).completeExceptionally(new TimeoutException("no leader"));
        assertThatThrownBy(x::get).isInstanceOf(ExecutionException.class).hasMessageContaining("no leader");
        assertThatThrownBy(y::get).hasMessageContaining("no leader");
        assertThat(log.proposed).hasSize(3);
        log.commit(2);
        assertThat(z).isCompleted();
    }

    @Test
    void aWriteWhoseCallerGaveUpWhileQueuedIsNeverProposed() {
        FakeLog log = new FakeLog();
        WriteBatcher b = batcher(log, 1);
        b.submit(write("a"));
        var gone = b.submit(write("gone"));
        var kept = b.submit(write("kept"));
        gone.completeExceptionally(new TimeoutException("caller's deadline"));
        log.commit(0);
        assertThat(commands(log.proposed.get(1)))
                .extracting(WriteBatcherTest::name)
                .containsExactly("kept");
        log.commit(1);
        assertThat(kept).isCompleted();
    }

    @Test
    void severalEntriesMayBeInFlight() {
        FakeLog log = new FakeLog();
        WriteBatcher b = batcher(log, 2);
        b.submit(write("a"));
        b.submit(write("b"));
        b.submit(write("c"));
        b.submit(write("d"));
        assertThat(log.proposed).hasSize(2);
        log.commit(1);
        assertThat(commands(log.proposed.get(2)))
                .extracting(WriteBatcherTest::name)
                .containsExactly("c", "d");
    }

    @Test
    void anEntryWithFewerOutcomesThanWritesFailsTheMissingOnes() throws Exception {
        CompletableFuture<Long> held = new CompletableFuture<>();
        List<byte[]> proposed = new ArrayList<>();
        WriteBatcher b = new WriteBatcher(
                data -> {
                    proposed.add(data);
                    return proposed.size() == 1 ? held : CompletableFuture.completedFuture(7L);
                },
                index -> CompletableFuture.completedFuture(
                        List.of(new Outcome(7, new Result.Invalid(new FieldError("command", "x"))))),
                1,
                128,
                1 << 20);
        b.submit(write("first"));
        var one = b.submit(write("one"));
        var two = b.submit(write("two"));
        held.complete(6L);
        assertThat(proposed).hasSize(2);
        assertThat(one.get().revision()).isEqualTo(7);
        assertThatThrownBy(two::get).hasMessageContaining("has 1 commands, expected 2");
    }

    @Test
    void limitsMustBePositive() {
        FakeLog log = new FakeLog();
        assertThatThrownBy(() -> new WriteBatcher(log::propose, log::outcomes, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
