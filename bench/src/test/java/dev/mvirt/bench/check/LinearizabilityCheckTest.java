package dev.mvirt.bench.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.bench.history.History;
import dev.mvirt.bench.history.Op;
import dev.mvirt.bench.history.OpKind;
import dev.mvirt.bench.history.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearizabilityCheckTest {
    private final Ops ops = new Ops();
    private final LinearizabilityCheck check = new LinearizabilityCheck();

    @Test
    void concurrentHistoryWithReadsOfEitherOrderPasses() {
        // w(a) and w(b) overlap; one reader sees b then a: possible if b linearized before a
        List<Op> h = List.of(
                ops.write(0, "k", "a", 0, 10, 5),
                ops.write(1, "k", "b", 1, 9, 4),
                ops.read(2, "k", "b", 2, 3, 4),
                ops.read(2, "k", "a", 11, 12, 5));
        assertThat(check.check(History.of(h))).isEmpty();
    }

    @Test
    void staleReadAfterCompletedWriteFails() {
        List<Op> h = List.of(
                ops.write(0, "k", "a", 0, 1, 1), ops.write(0, "k", "b", 2, 3, 2), ops.read(1, "k", "a", 4, 5, 1));
        List<Finding> f = check.check(History.of(h));
        assertThat(f).hasSize(1);
        assertThat(f.getFirst().key()).isEqualTo("k");
        assertThat(f.getFirst().message()).contains("read()");
    }

    @Test
    void readsThatGoBackInTimeFail() {
        // concurrent writes of a and b: readers may see b then a, but never b, a, b again
        List<Op> h = List.of(
                ops.write(0, "k", "a", 0, 10, 1),
                ops.write(1, "k", "b", 0, 10, 2),
                ops.read(2, "k", "b", 1, 2, 2),
                ops.read(3, "k", "a", 3, 4, 1),
                ops.read(2, "k", "b", 5, 6, 2));
        assertThat(check.check(History.of(h))).hasSize(1);
    }

    @Test
    void lostWriteSeenByALaterReadFails() {
        List<Op> h = List.of(
                ops.write(0, "k", "a", 0, 1, 1), ops.write(0, "k", "b", 2, 3, 2), ops.read(1, "k", "", 4, 5, 0));
        assertThat(check.check(History.of(h))).hasSize(1);
    }

    @Test
    void unknownWriteMayTakeEffectLateOrNever() {
        Op unknown = ops.writeUnknown(0, "k", "x", 2);
        List<Op> late = List.of(
                ops.write(1, "k", "a", 0, 1, 1),
                unknown,
                ops.read(1, "k", "a", 3, 4, 1),
                ops.read(1, "k", "x", 50, 51, 7));
        List<Op> never = List.of(ops.write(1, "k", "a", 0, 1, 1), unknown, ops.read(1, "k", "a", 50, 51, 1));
        assertThat(check.check(History.of(late))).isEmpty();
        assertThat(check.check(History.of(never))).isEmpty();
    }

    @Test
    void unknownWriteCannotTakeEffectBeforeItsInvocation() {
        List<Op> h = List.of(ops.read(1, "k", "x", 0, 1, 7), ops.writeUnknown(0, "k", "x", 2));
        assertThat(check.check(History.of(h))).hasSize(1);
    }

    @Test
    void compareAndSetFollowsTheRegister() {
        List<Op> ok = List.of(
                ops.write(0, "k", "a", 0, 1, 1),
                ops.cas(1, "k", "a", "b", 2, 3, Outcome.OK, 2),
                ops.cas(2, "k", "a", "c", 4, 5, Outcome.FAIL, 0),
                ops.read(0, "k", "b", 6, 7, 2));
        List<Op> bothWin = List.of(
                ops.write(0, "k", "a", 0, 1, 1),
                ops.cas(1, "k", "a", "b", 2, 10, Outcome.OK, 2),
                ops.cas(2, "k", "a", "c", 2, 10, Outcome.OK, 3));
        List<Op> failedWhenItMatched =
                List.of(ops.write(0, "k", "a", 0, 1, 1), ops.cas(1, "k", "a", "b", 2, 3, Outcome.FAIL, 0));
        assertThat(check.check(History.of(ok))).isEmpty();
        assertThat(check.check(History.of(bothWin))).hasSize(1);
        assertThat(check.check(History.of(failedWhenItMatched))).hasSize(1);
    }

    @Test
    void keysAreCheckedIndependently() {
        List<Op> h = List.of(
                ops.write(0, "k1", "a", 0, 1, 1),
                ops.write(0, "k2", "b", 2, 3, 2),
                ops.read(1, "k1", "a", 4, 5, 1),
                ops.read(1, "k2", "", 4, 5, 0));
        List<Finding> f = check.check(History.of(h));
        assertThat(f).extracting(Finding::key).containsExactly("k2");
    }

    @Test
    void localReadsAreNotCheckedForLinearizability() {
        List<Op> h = List.of(
                ops.write(0, "k", "a", 0, 1, 1),
                ops.write(0, "k", "b", 2, 3, 2),
                ops.localRead(1, "p2", "k", "a", 4, 5, 1));
        assertThat(check.check(History.of(h))).isEmpty();
    }

    @Test
    void largeRandomLinearizableHistoryPassesQuickly() {
        List<Op> h = simulated(new Random(42), 8, 4000, 4);
        long start = System.nanoTime();
        List<Verdict> verdicts = check.verdicts(History.of(h));
        assertThat(verdicts).allMatch(v -> v instanceof Verdict.Linearizable);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void readOfAValueNobodyWroteFailsInALargeHistory() {
        List<Op> h = new ArrayList<>(simulated(new Random(7), 8, 2000, 2));
        Op victim = h.stream().filter(o -> o.kind() == OpKind.READ).findFirst().orElseThrow();
        h.set(h.indexOf(victim), withRead(victim, "never-written"));
        assertThat(check.check(History.of(h))).hasSize(1);
    }

    /** Operations of {@code clients} clients on {@code keys} keys, linearized at a random point inside each. */
    static List<Op> simulated(Random rnd, int clients, int count, int keys) {
        record Planned(int client, String key, OpKind kind, long start, long point, long end) {}
        List<Planned> planned = new ArrayList<>();
        long[] free = new long[clients];
        for (int i = 0; i < count; i++) {
            int c = rnd.nextInt(clients);
            long start = free[c] + rnd.nextInt(5);
            long end = start + 1 + rnd.nextInt(40);
            free[c] = end + 1;
            OpKind kind = rnd.nextInt(3) == 0 ? OpKind.READ : (rnd.nextInt(4) == 0 ? OpKind.CAS : OpKind.WRITE);
            planned.add(new Planned(c, "k" + rnd.nextInt(keys), kind, start, start + rnd.nextLong(end - start), end));
        }
        planned.sort(java.util.Comparator.comparingLong(Planned::point));
        java.util.Map<String, String> reg = new java.util.HashMap<>();
        java.util.Map<String, String> prev = new java.util.HashMap<>();
        List<Op> out = new ArrayList<>();
        int id = 0;
        for (Planned p : planned) {
            String cur = reg.getOrDefault(p.key(), "");
            String value = "v" + id;
            Op op = switch (p.kind()) {
                case READ ->
                    new Op(
                            id,
                            p.client(),
                            "p1",
                            p.key(),
                            OpKind.READ,
                            "",
                            "",
                            0,
                            p.start(),
                            p.end(),
                            Outcome.OK,
                            cur,
                            0);
                case CAS -> {
                    String expected = rnd.nextBoolean() ? cur : prev.getOrDefault(p.key(), "none");
                    boolean match = expected.equals(cur);
                    if (match) {
                        prev.put(p.key(), cur);
                        reg.put(p.key(), value);
                    }
                    yield new Op(
                            id,
                            p.client(),
                            "p1",
                            p.key(),
                            OpKind.CAS,
                            value,
                            expected,
                            0,
                            p.start(),
                            p.end(),
                            match ? Outcome.OK : Outcome.FAIL,
                            "",
                            0);
                }
                default -> {
                    prev.put(p.key(), cur);
                    reg.put(p.key(), value);
                    yield new Op(
                            id,
                            p.client(),
                            "p1",
                            p.key(),
                            OpKind.WRITE,
                            value,
                            "",
                            0,
                            p.start(),
                            p.end(),
                            Outcome.OK,
                            "",
                            0);
                }
            };
            out.add(op);
            id++;
        }
        return out;
    }

    private static Op withRead(Op o, String read) {
        return new Op(
                o.id(),
                o.client(),
                o.peer(),
                o.key(),
                o.kind(),
                o.value(),
                o.expected(),
                o.expectedRevision(),
                o.invoke(),
                o.complete(),
                o.outcome(),
                read,
                o.revision());
    }
}
