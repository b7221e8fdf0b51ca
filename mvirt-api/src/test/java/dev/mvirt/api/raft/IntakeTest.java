package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.codec.CommandCodec;
import dev.mvirt.api.codec.Decoded;
import dev.mvirt.api.codec.ForwardCodec.Placed;
import dev.mvirt.api.codec.ForwardCodec.Reply;
import dev.mvirt.api.codec.ForwardCodec.Write;
import dev.mvirt.api.codec.WriteId;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Envelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The leader's intake against a fake log: merging the forwards of several peers, and resends applied once. */
class IntakeTest {
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final RecentWrites recent = new RecentWrites(Duration.ofSeconds(20));
    private final List<byte[]> proposed = new ArrayList<>();
    private final List<CompletableFuture<Long>> pending = new ArrayList<>();
    private final Intake intake = new Intake(ready::get, recent, this::commitHere, Limits.DEFAULT);

    private CompletableFuture<Long> commitHere(byte[] data) {
        proposed.add(data);
        CompletableFuture<Long> f = new CompletableFuture<>();
        pending.add(f);
        return f;
    }

    /** Commits proposal {@code i} at index 100 + i and, as the state machine would, remembers its writes' ids. */
    private void commit(int i) {
        Decoded.Batch b = (Decoded.Batch) CommandCodec.decode(proposed.get(i));
        for (int k = 0; k < b.ids().size(); k++) {
            recent.applied(b.ids().get(k), new Placed(100 + i, k), System.nanoTime());
        }
        pending.get(i).complete(100L + i);
    }

    private static Write write(String peer, long seq) {
        byte[] entry = CommandCodec.encode(Envelope.of(new Command.SetSettings(Map.of("k", peer + seq)), "t", 1));
        return new Write(new WriteId(peer.hashCode(), 7, seq), entry);
    }

    @Test
    void aPeerThatIsNotAReadyLeaderAsksForTheWritesAgainAndProposesNothing() {
        ready.set(false);
        Reply r = intake.accept(List.of(write("a", 1))).join();
        assertThat(r.retry()).contains("not a leader ready");
        assertThat(proposed).isEmpty();
    }

    @Test
    void forwardsOfSeveralPeersThatQueueBehindAnEntryGoIntoOneEntryWithTheirIds() {
        CompletableFuture<Reply> first = intake.accept(List.of(write("a", 1)));
        CompletableFuture<Reply> b = intake.accept(List.of(write("b", 1), write("b", 2)));
        CompletableFuture<Reply> c = intake.accept(List.of(write("c", 1)));
        assertThat(proposed).hasSize(1);
        commit(0);
        assertThat(first.join().placed()).containsExactly(new Placed(100, 0));
        assertThat(proposed).hasSize(2);
        Decoded.Batch merged = (Decoded.Batch) CommandCodec.decode(proposed.get(1));
        assertThat(merged.entries()).hasSize(3);
        assertThat(merged.ids())
                .containsExactly(
                        write("b", 1).id(), write("b", 2).id(), write("c", 1).id());
        commit(1);
        assertThat(b.join()).isEqualTo(new Reply("", List.of(new Placed(101, 0), new Placed(101, 1))));
        assertThat(c.join().placed()).containsExactly(new Placed(101, 2));
        assertThat(intake.onTheirWay()).isZero();
    }

    @Test
    void aResendJoinsTheWriteOnItsWayOrIsAnsweredWithWhereItWasApplied() {
        CompletableFuture<Reply> once = intake.accept(List.of(write("a", 1)));
        CompletableFuture<Reply> again = intake.accept(List.of(write("a", 1)));
        assertThat(proposed).hasSize(1);
        assertThat(intake.onTheirWay()).isEqualTo(1);
        commit(0);
        assertThat(once.join()).isEqualTo(again.join());
        Reply late = intake.accept(List.of(write("a", 1))).join();
        assertThat(late.placed()).containsExactly(new Placed(100, 0));
        assertThat(proposed).hasSize(1);
    }

    @Test
    void aFailedEntryAsksForItsWritesAgainAndAResendIsProposedAnew() {
        CompletableFuture<Reply> r = intake.accept(List.of(write("a", 1)));
        pending.getFirst().completeExceptionally(new IllegalStateException("stepped down"));
        assertThat(r.join().retry()).contains("stepped down");
        assertThat(intake.onTheirWay()).isZero();
        CompletableFuture<Reply> resent = intake.accept(List.of(write("a", 1)));
        assertThat(proposed).hasSize(2);
        commit(1);
        assertThat(resent.join().placed()).containsExactly(new Placed(101, 0));
    }
}
