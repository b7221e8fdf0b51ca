package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Result;
import dev.mvirt.api.store.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 2's integration cases (a)–(e) and the malformed entry, on three real Ratis peers on loopback. */
class RaftStoreIT {
    @TempDir
    Path dir;

    @Test
    void writeOnFollowerIsCommittedAndVisibleEverywhere() throws Exception {
        try (TestCluster c = TestCluster.started(dir, 3)) {
            String follower = c.follower();
            Outcome o = c.store(follower)
                    .submit(Writes.project("from-follower"), Writes.caller())
                    .get(20, TimeUnit.SECONDS);
            assertThat(o.result()).isInstanceOf(Result.Ok.class);
            assertThat(((Result.Ok) o.result()).resource().revision()).isEqualTo(o.revision());
            for (String id : c.nodes.keySet()) {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> hasProject(c.store(id).read(), "from-follower"));
                assertThat(c.store(id).read().revision()).isGreaterThanOrEqualTo(o.revision());
            }
        }
    }

    /**
     * Three peers with elections after 4-8 s of silence, so heartbeats every 2 s, and no log metadata entries: what a
     * follower learns of commits sooner than that, CommitPush or the reply to its own write told it.
     */
    private TestCluster slowHeartbeats() {
        return TestCluster.started(
                dir,
                3,
                cfg -> cfg.withElectionTimeout(Duration.ofSeconds(4), Duration.ofSeconds(8))
                        .withRequestTimeout(Duration.ofSeconds(20))
                        .withLogMetadata(false));
    }

    @Test
    void followerAnswersItsWritesWithoutWaitingForAHeartbeat() throws Exception {
        // without Ratis's commit-index entries a follower that learned of its write's commit only from the next
        // heartbeat would answer each write after up to 2 s
        try (TestCluster c = slowHeartbeats()) {
            RaftStore follower = c.store(c.follower());
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                Outcome o = follower.submit(Writes.project("nudged-" + i), Writes.caller())
                        .get(20, TimeUnit.SECONDS);
                assertThat(o.result()).isInstanceOf(Result.Ok.class);
                assertThat(follower.read().revision()).isGreaterThanOrEqualTo(o.revision());
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            // mostly from the leader's replies (CommitNote): a follower that had not yet written the entry to disk
            // when the reply came is pushed the commit instead
            assertThat(c.nodes.get(c.follower()).replyCommits()).isPositive();
        }
    }

    @Test
    void anIdleFollowerLearnsOfOtherPeersWritesWithoutWaitingForAHeartbeat() throws Exception {
        // a follower that proposed nothing is told of a commit within CommitPush.TELL_WITHIN when no append brings
        // the news, so its local reads and watches do not lag by a heartbeat (2 s here)
        try (TestCluster c = slowHeartbeats()) {
            String leader = c.awaitLeader();
            RaftStore bystander = c.store(c.follower());
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                Outcome o = c.store(leader)
                        .submit(Writes.project("told-" + i), Writes.caller())
                        .get(20, TimeUnit.SECONDS);
                while (bystander.read().revision() < o.revision()) {
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
                    Thread.sleep(1);
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesLeaderDeath() throws Exception {
        try (TestCluster c = TestCluster.started(dir, 3)) {
            String leader = c.awaitLeader();
            String writerPeer = c.follower();
            Set<String> acked = new TreeSet<>();
            for (int i = 0; i < 120; i++) {
                if (i == 40) {
                    c.stop(leader);
                }
                try {
                    Outcome o = c.store(writerPeer)
                            .submit(Writes.project("w" + i), Writes.caller())
                            .get(20, TimeUnit.SECONDS);
                    if (o.result().ok()) {
                        acked.add("w" + i);
                    }
                } catch (ExecutionException e) {
                    // not acknowledged: may or may not be applied
                }
            }
            c.start(leader);
            assertThat(acked).hasSizeGreaterThan(100);
            for (String id : c.nodes.keySet()) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> projectNames(c.store(id).read()).containsAll(acked));
            }
            // nothing applied twice: names are unique and each acknowledged one exists once
            ClusterState s = c.store(writerPeer).read();
            assertThat(s.projects().all().stream()
                            .map(Resource::name)
                            .distinct()
                            .count())
                    .isEqualTo(s.projects().size());
        }
    }

    @Test
    void restartedPeerCatchesUpFromSnapshotAfterCompaction() throws Exception {
        try (TestCluster c =
                TestCluster.started(dir, 3, cfg -> cfg.withSnapshotEvery(40).withLogSegmentBytes(16 * 1024))) {
            String lagging = c.follower();
            long laggingApplied = c.info(lagging).appliedIndex();
            c.stop(lagging);
            String writer = c.awaitLeader();
            for (int i = 0; i < 200; i++) {
                c.store(writer).submit(Writes.project("s" + i), Writes.caller()).get(20, TimeUnit.SECONDS);
            }
            c.info(writer).takeSnapshot().get(20, TimeUnit.SECONDS);
            // the log the lagging peer needs is gone: it can only catch up by installing a snapshot
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> c.nodes.get(writer).division().getRaftLog().getStartIndex() > 50);
            long logStart = c.nodes.get(writer).division().getRaftLog().getStartIndex();
            assertThat(logStart).isGreaterThan(laggingApplied + 1);
            RaftNode restarted = c.start(lagging);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> projectNames(c.store(lagging).read())
                            .equals(projectNames(c.store(writer).read())));
            assertThat(c.store(lagging).read().allResources())
                    .containsExactlyInAnyOrderElementsOf(c.store(writer).read().allResources());
            // it holds a snapshot past the purged log start: only an installed snapshot can be that
            assertThat(restarted.stateMachine().snapshotLoads()).isPositive();
            assertThat(restarted.stateMachine().getLatestSnapshot().getIndex()).isGreaterThanOrEqualTo(logStart - 1);
        }
    }

    @Test
    void fullClusterRestartKeepsAllState() throws Exception {
        List<Resource<?, ?>> before;
        TestCluster c = TestCluster.started(dir, 3, cfg -> cfg.withSnapshotEvery(25));
        try (c) {
            String leader = c.awaitLeader();
            for (int i = 0; i < 60; i++) {
                c.store(leader).submit(Writes.project("r" + i), Writes.caller()).get(20, TimeUnit.SECONDS);
            }
            before = c.store(leader).readConsistent().get(20, TimeUnit.SECONDS).allResources();
        }
        try (TestCluster again = TestCluster.restarted(dir, c, cfg -> cfg.withSnapshotEvery(25))) {
            String leader = again.awaitLeader();
            ClusterState s = again.store(leader).readConsistent().get(30, TimeUnit.SECONDS);
            assertThat(s.allResources()).containsExactlyInAnyOrderElementsOf(before);
            for (String id : again.nodes.keySet()) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> again.store(id).read().allResources().size() == before.size());
            }
        }
    }

    @Test
    void restartedPeerServesNoLocalReadsUntilItCaughtUp() throws Exception {
        // without log metadata entries a restarted peer recovers only up to its snapshot (none here): its state goes
        // back in time until the leader tells it the commit index, so its local reads must wait for that
        java.util.function.UnaryOperator<RaftConfig> tune = cfg -> cfg.withLogMetadata(false);
        List<String> written = List.of("k0", "k1", "k2", "k3", "k4");
        TestCluster c = TestCluster.started(dir, 3, tune);
        try (c) {
            String leader = c.awaitLeader();
            for (String name : written) {
                c.store(leader).submit(Writes.project(name), Writes.caller()).get(20, TimeUnit.SECONDS);
            }
            for (String id : c.nodes.keySet()) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> projectNames(c.store(id).read()).containsAll(written));
            }
        }
        // as if p1 had crashed: Ratis snapshots on a clean stop, a kill -9 leaves only the log
        try (var files = java.nio.file.Files.walk(c.dirs.get("p1"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("snapshot."))
                    .toList()) {
                java.nio.file.Files.delete(f);
            }
        }
        try (TestCluster again = new TestCluster(dir, 3, tune)) {
            again.addresses.putAll(c.addresses);
            RaftNode alone = again.start("p1");
            RaftStore store = new RaftStore(alone, java.time.Clock.systemUTC());
            Thread.sleep(1500); // several election timeouts: no quorum, so no leader and no catch-up
            // what it would have served
            assertThat(projectNames(alone.stateMachine().state())).doesNotContainAnyElementsOf(written);
            assertThat(alone.caughtUp()).isFalse();
            assertThat(new RaftCluster(alone).ready()).isFalse();
            assertThatThrownBy(store::read)
                    .isInstanceOf(dev.mvirt.api.store.StoreException.class)
                    .hasMessageContaining("has not caught up");

            again.start("p2");
            await().atMost(Duration.ofSeconds(30)).until(alone::caughtUp);
            assertThat(projectNames(store.read())).containsAll(written);
        }
    }

    @Test
    void isolatedPeerCannotCommitAndItsStaleReadsReportTheirRevision() throws Exception {
        try (TestCluster c = TestCluster.started(dir, 3, cfg -> cfg.withRequestTimeout(Duration.ofSeconds(4)))) {
            String leader = c.awaitLeader();
            Outcome o = c.store(leader)
                    .submit(Writes.project("before-cut"), Writes.caller())
                    .get(20, TimeUnit.SECONDS);
            String alone = c.follower();
            await().until(() -> c.store(alone).read().revision() >= o.revision());
            for (String id : List.copyOf(c.nodes.keySet())) {
                if (!id.equals(alone)) {
                    c.stop(id);
                }
            }
            assertThatThrownBy(() -> c.store(alone)
                            .submit(Writes.project("after-cut"), Writes.caller())
                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            assertThatThrownBy(() -> c.store(alone).readConsistent().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            ClusterState stale = c.store(alone).read();
            assertThat(stale.revision()).isGreaterThanOrEqualTo(o.revision());
            assertThat(hasProject(stale, "after-cut")).isFalse();
        }
    }

    /**
     * A leader that can no longer reach a majority must not answer a linearizable read, even at a commit index it
     * confirmed before: another leader may have committed since (a paused or cut-off leader, RobustnessIT's stale
     * read). Ratis 3.3's ReadIndex answered such a read at once; the election timeout is long here so that the
     * leader still believes it leads when the read arrives.
     */
    @Test
    void aLeaderCutOffFromItsFollowersAnswersNoLinearizableRead() throws Exception {
        try (TestCluster c = TestCluster.started(
                dir,
                3,
                cfg -> cfg.withElectionTimeout(Duration.ofSeconds(4), Duration.ofSeconds(5))
                        .withRequestTimeout(Duration.ofSeconds(4)))) {
            String leader = c.awaitLeader();
            RaftStore store = c.store(leader);
            store.submit(Writes.project("before-cut"), Writes.caller()).get(20, TimeUnit.SECONDS);
            long confirmed = store.readConsistent().get(20, TimeUnit.SECONDS).revision();
            // both at once: a graceful stop takes about a second each, and the leader must not step down yet
            List<RaftNode> followers = c.nodes.entrySet().stream()
                    .filter(e -> !e.getKey().equals(leader))
                    .map(java.util.Map.Entry::getValue)
                    .toList();
            c.nodes.keySet().retainAll(Set.of(leader));
            CompletableFuture.allOf(followers.stream()
                            .map(n -> CompletableFuture.runAsync(n::close))
                            .toArray(CompletableFuture[]::new))
                    .get(20, TimeUnit.SECONDS);
            assertThat(c.nodes.get(leader).isLeader()).isTrue();
            long started = System.nanoTime();
            assertThatThrownBy(() -> store.readConsistent().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(1));
            assertThat(store.read().revision()).isEqualTo(confirmed);
        }
    }

    @Test
    void malformedEntryIsRejectedAndThePeerGoesOn() throws Exception {
        try (TestCluster c = TestCluster.started(dir, 3)) {
            String leader = c.awaitLeader();
            RaftNode n = c.nodes.get(leader);
            // through the peer's own writer, as its writes go: a peer keeps the outcomes of its own entries only
            var reply = n.write(Message.valueOf(ByteString.copyFromUtf8("not a command")), Duration.ofSeconds(20))
                    .get(20, TimeUnit.SECONDS);
            Outcome bad = n.stateMachine()
                    .waiters()
                    .outcome(reply.getLogIndex())
                    .get(10, TimeUnit.SECONDS)
                    .getFirst();
            assertThat(bad.result()).isInstanceOf(Result.Invalid.class);
            Outcome ok = c.store(leader)
                    .submit(Writes.project("after-garbage"), Writes.caller())
                    .get(20, TimeUnit.SECONDS);
            assertThat(ok.result().ok()).isTrue();
            for (String id : c.nodes.keySet()) {
                await().until(() -> hasProject(c.store(id).read(), "after-garbage"));
            }
        }
    }

    @Test
    void concurrentWritesShareEntriesEachAtItsOwnRevisionAndSurviveARestart() throws Exception {
        List<Resource<?, ?>> before;
        TestCluster c = TestCluster.started(dir, 3, cfg -> cfg.withSnapshotEvery(25));
        try (c) {
            String leader = c.awaitLeader();
            String follower = c.follower();
            var metered = c.meters.get(leader).get("mvirt_raft_entry_commands").summary();
            long entriesBefore = metered.count();
            double commandsBefore = metered.totalAmount();
            long revisionBefore = c.store(follower).read().revision();
            dev.mvirt.api.store.Watch watch = c.store(follower).watch(revisionBefore);
            List<String> peers = List.copyOf(c.nodes.keySet());
            List<java.util.concurrent.CompletableFuture<Outcome>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                writes.add(c.store(peers.get(i % 3)).submit(Writes.project("b" + i), Writes.caller()));
            }
            Set<Long> revisions = new TreeSet<>();
            for (var w : writes) {
                Outcome o = w.get(30, TimeUnit.SECONDS);
                assertThat(o.result()).isInstanceOf(Result.Ok.class);
                assertThat(((Result.Ok) o.result()).resource().revision()).isEqualTo(o.revision());
                revisions.add(o.revision());
            }
            assertThat(revisions).hasSize(300);
            // the leader's meter of commands per applied entry: its count is the entries that carried commands
            await().until(() -> metered.totalAmount() - commandsBefore >= 300);
            long entries = metered.count() - entriesBefore;
            assertThat(entries)
                    .as("log entries carrying the 300 concurrent writes")
                    .isBetween(1L, 299L);
            // every peer timed the stages of the (at least) 100 writes it proposed, reported once they were applied
            for (String id : peers) {
                for (String stage : List.of("queued", "committed", "applied")) {
                    var timer = c.meters
                            .get(id)
                            .get("mvirt_raft_write_stage")
                            .tag("stage", stage)
                            .timer();
                    await().untilAsserted(() -> assertThat(timer.count())
                            .as("%s's %s writes", id, stage)
                            .isGreaterThanOrEqualTo(100));
                }
            }
            // a watcher sees every write once, in revision order
            List<Long> seen = new java.util.ArrayList<>();
            while (seen.size() < 300) {
                var e = watch.next(Duration.ofSeconds(10)).orElseThrow();
                seen.add(e.revision());
            }
            watch.close();
            assertThat(seen).isSorted().doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(revisions);
            for (String id : peers) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> c.store(id).read().revision()
                                >= revisions.stream().max(Long::compare).orElseThrow());
            }
            before = c.store(leader).read().allResources();
            for (String id : peers) {
                assertThat(c.store(id).read().allResources()).containsExactlyInAnyOrderElementsOf(before);
            }
        }
        // snapshots and replay give every peer the same revisions again
        try (TestCluster again = TestCluster.restarted(dir, c, cfg -> cfg.withSnapshotEvery(25))) {
            String leader = again.awaitLeader();
            assertThat(again.store(leader)
                            .readConsistent()
                            .get(30, TimeUnit.SECONDS)
                            .allResources())
                    .containsExactlyInAnyOrderElementsOf(before);
        }
    }

    static boolean hasProject(ClusterState s, String name) {
        return s.projects().byName("", name).isPresent();
    }

    static Set<String> projectNames(ClusterState s) {
        return s.table(Kind.PROJECT).all().stream().map(Resource::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
