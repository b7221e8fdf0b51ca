package dev.mvirt.bench.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.bench.history.FinalRead;
import dev.mvirt.bench.history.History;
import dev.mvirt.bench.history.Op;
import dev.mvirt.bench.history.WatchLog;
import dev.mvirt.bench.history.WatchRecord;
import dev.mvirt.bench.history.WatchRecord.Opened;
import dev.mvirt.bench.history.WatchRecord.Resync;
import dev.mvirt.bench.history.WatchRecord.Seen;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtherChecksTest {
    private final Ops ops = new Ops();

    private List<Op> threeWrites() {
        return List.of(
                ops.write(0, "k", "a", 0, 1, 10), ops.write(0, "k", "b", 2, 3, 11), ops.write(0, "j", "c", 4, 5, 12));
    }

    @Test
    void everyCheckPassesOnAGoodRun() {
        List<WatchLog> watches = List.of(new WatchLog(
                "w1",
                "p2",
                List.of(new Opened(9), new Seen(10, "k", "a"), new Seen(11, "k", "b"), new Seen(12, "j", "c"))));
        List<FinalRead> finals = List.of(
                new FinalRead("p1", "k", "b", 11),
                new FinalRead("p2", "k", "b", 11),
                new FinalRead("p1", "j", "c", 12));
        assertThat(HistoryChecks.run(new History(threeWrites(), watches, finals)))
                .isEmpty();
    }

    @Test
    void acknowledgedWriteMissingAtTheEndIsLost() {
        List<FinalRead> finals = List.of(new FinalRead("p1", "k", "a", 10), new FinalRead("p1", "j", "c", 12));
        List<Finding> f = new LostWriteCheck().check(new History(threeWrites(), List.of(), finals));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.check()).isEqualTo("lost-write");
            assertThat(x.message()).contains("write(b)");
        });
    }

    @Test
    void peersThatDisagreeAtTheEndAreReported() {
        List<FinalRead> finals = List.of(
                new FinalRead("p1", "k", "b", 11),
                new FinalRead("p3", "k", "a", 10),
                new FinalRead("p1", "j", "c", 12));
        assertThat(new LostWriteCheck().check(new History(threeWrites(), List.of(), finals)))
                .extracting(Finding::message)
                .anyMatch(m -> m.contains("disagree"));
    }

    @Test
    void watcherThatSkipsARevisionHasAGap() {
        List<WatchLog> watches = List.of(
                new WatchLog("w1", "p2", List.of(new Opened(9), new Seen(10, "k", "a"), new Seen(12, "j", "c"))));
        List<Finding> f = new WatchCheck().check(new History(threeWrites(), watches, List.of()));
        assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("missed revisions [11]"));
    }

    @Test
    void watcherThatResumesAfterADisconnectMustNotSkip() {
        List<WatchLog> ok = List.of(new WatchLog(
                "w1",
                "p2",
                List.of(
                        new Opened(9),
                        new Seen(10, "k", "a"),
                        new Opened(10),
                        new Seen(11, "k", "b"),
                        new Seen(12, "j", "c"))));
        List<WatchLog> skipped = List.of(new WatchLog(
                "w1", "p2", List.of(new Opened(9), new Seen(10, "k", "a"), new Opened(11), new Seen(12, "j", "c"))));
        assertThat(new WatchCheck().check(new History(threeWrites(), ok, List.of())))
                .isEmpty();
        // opening after 11 is the client's own choice; the stream itself has no gap
        assertThat(new WatchCheck().check(new History(threeWrites(), skipped, List.of())))
                .isEmpty();
    }

    @Test
    void resyncAllowsAGapButNotGoingBack() {
        List<WatchRecord> resync =
                List.of(new Opened(9), new Seen(10, "k", "a"), new Resync(10), new Opened(11), new Seen(12, "j", "c"));
        List<WatchRecord> back = List.of(new Opened(9), new Seen(11, "k", "b"), new Seen(10, "k", "a"));
        assertThat(new WatchCheck()
                        .check(new History(threeWrites(), List.of(new WatchLog("w", "p1", resync)), List.of())))
                .isEmpty();
        assertThat(new WatchCheck()
                        .check(new History(threeWrites(), List.of(new WatchLog("w", "p1", back)), List.of())))
                .extracting(Finding::message)
                .anyMatch(m -> m.contains("not increasing"));
    }

    @Test
    void twoValuesAtOneRevisionAreInconsistent() {
        List<WatchLog> watches = List.of(new WatchLog("w1", "p2", List.of(new Opened(9), new Seen(10, "k", "zzz"))));
        assertThat(HistoryChecks.run(new History(threeWrites(), watches, List.of())))
                .extracting(Finding::check)
                .contains("revisions");
    }

    @Test
    void localReadOlderThanWhatTheClientSawOnThatPeerFails() {
        List<Op> h = List.of(
                ops.localRead(1, "p2", "k", "b", 0, 1, 11),
                ops.localRead(1, "p3", "k", "a", 2, 3, 10),
                ops.localRead(1, "p2", "k", "a", 4, 5, 10));
        List<Finding> f = new SessionCheck().check(History.of(h));
        assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("read revision 10 on p2"));
    }

    @Test
    void localReadMayLagOnAnotherPeerOrForAnotherClient() {
        List<Op> h = List.of(
                ops.localRead(1, "p2", "k", "b", 0, 1, 11),
                ops.localRead(1, "p3", "k", "a", 2, 3, 10),
                ops.localRead(2, "p2", "k", "a", 4, 5, 10));
        assertThat(new SessionCheck().check(History.of(h))).isEmpty();
    }
}
