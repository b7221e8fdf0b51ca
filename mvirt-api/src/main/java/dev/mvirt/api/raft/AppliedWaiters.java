package dev.mvirt.api.raft;

import dev.mvirt.api.store.Outcome;
import dev.mvirt.api.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Links the index a write was committed at to the result this peer computed when it applied that index. Every peer
 * computes the same result, so a write sent from a follower gets its result from the follower's own apply. The
 * outcomes of an entry are handed out once, to its proposer ({@link WriteBatcher} asks once per entry): they are
 * kept only for entries this peer proposed that nobody waited for yet (a leader applies its own entry before the
 * proposer hears the index), and only until asked for, at most the last {@code keep} of them. Keeping every entry's
 * outcomes for the last {@code keep} indexes held seconds of resource versions that every young collection copied.
 * Completes futures on {@code executor}, never on the apply thread.
 */
final class AppliedWaiters {
    private final int keep;
    private final Executor executor;
    private final TreeMap<Long, List<Outcome>> recent = new TreeMap<>();
    private final TreeMap<Long, List<CompletableFuture<List<Outcome>>>> outcomeWaiters = new TreeMap<>();
    private final TreeMap<Long, List<CompletableFuture<Long>>> indexWaiters = new TreeMap<>();
    private long applied;

    AppliedWaiters(int keep, Executor executor) {
        this.keep = keep;
        this.executor = executor;
    }

    /**
     * Called by the apply thread after applying {@code index}: the outcome of each command in the entry (one, or a
     * batch's in order; none for configuration and no-op entries); {@code mine} if this peer proposed the entry.
     */
    void applied(long index, List<Outcome> outcome, boolean mine) {
        List<Runnable> done = new ArrayList<>();
        synchronized (this) {
            applied = Math.max(applied, index);
            List<CompletableFuture<List<Outcome>>> ws = outcomeWaiters.remove(index);
            if (ws != null) {
                ws.forEach(f -> done.add(() -> f.complete(outcome)));
            } else if (mine) {
                recent.put(index, outcome);
                while (recent.size() > keep) {
                    recent.pollFirstEntry();
                }
            }
            releaseIndexWaiters(done);
        }
        done.forEach(executor::execute);
    }

    /** The state jumped to {@code index} (snapshot installed): results of skipped entries are unknown here. */
    void jumped(long index) {
        List<Runnable> done = new ArrayList<>();
        synchronized (this) {
            applied = Math.max(applied, index);
            recent.clear();
            var skipped = outcomeWaiters.headMap(index, true);
            skipped.values()
                    .forEach(ws -> ws.forEach(f -> done.add(() -> f.completeExceptionally(new StoreException(
                            "the write was applied through a snapshot; its result is not known here, re-read it")))));
            skipped.clear();
            releaseIndexWaiters(done);
        }
        done.forEach(executor::execute);
    }

    /**
     * Completes with the outcomes of the commands at {@code index} once this peer has applied it; once per index (a
     * second ask for an applied index fails, as does one for an entry another peer proposed).
     */
    synchronized CompletableFuture<List<Outcome>> outcome(long index) {
        CompletableFuture<List<Outcome>> f = new CompletableFuture<>();
        List<Outcome> o = recent.remove(index);
        if (o != null) {
            f.complete(o);
        } else if (index <= applied) {
            f.completeExceptionally(new StoreException("the result of index " + index + " is no longer kept here"));
        } else {
            outcomeWaiters.computeIfAbsent(index, k -> new ArrayList<>()).add(f);
        }
        return f;
    }

    /** Completes (with the applied index) once this peer has applied {@code index} or more. */
    synchronized CompletableFuture<Long> reached(long index) {
        if (applied >= index) {
            return CompletableFuture.completedFuture(applied);
        }
        CompletableFuture<Long> f = new CompletableFuture<>();
        indexWaiters.computeIfAbsent(index, k -> new ArrayList<>()).add(f);
        return f;
    }

    synchronized long applied() {
        return applied;
    }

    private void releaseIndexWaiters(List<Runnable> done) {
        Map<Long, List<CompletableFuture<Long>>> ready = indexWaiters.headMap(applied, true);
        long now = applied;
        ready.values().forEach(ws -> ws.forEach(f -> done.add(() -> f.complete(now))));
        ready.clear();
    }
}
