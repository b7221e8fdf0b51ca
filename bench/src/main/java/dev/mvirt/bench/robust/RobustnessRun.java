package dev.mvirt.bench.robust;

import dev.mvirt.bench.check.HistoryChecks;
import dev.mvirt.bench.client.HttpClients;
import dev.mvirt.bench.client.KvClient;
import dev.mvirt.bench.client.KvResult;
import dev.mvirt.bench.client.MvirtKv;
import dev.mvirt.bench.client.MvirtWatcher;
import dev.mvirt.bench.cluster.ClusterException;
import dev.mvirt.bench.cluster.MvirtCluster;
import dev.mvirt.bench.history.FinalRead;
import dev.mvirt.bench.history.History;
import dev.mvirt.bench.history.Op;
import dev.mvirt.bench.history.OpKind;
import dev.mvirt.bench.history.Outcome;
import dev.mvirt.bench.history.Recorder;
import dev.mvirt.bench.history.WatchLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A robustness run against a started {@link MvirtCluster}: creates the registers, starts one watcher per peer and
 * the clients, lets the nemesis inject faults, then heals everything, takes final reads on every peer, lets the
 * watchers catch up and checks the history.
 */
public final class RobustnessRun {
    private final MvirtCluster cluster;
    private final String token;
    private final RobustOptions options;

    public RobustnessRun(MvirtCluster cluster, String token, RobustOptions options) {
        this.cluster = cluster;
        this.token = token;
        this.options = options;
    }

    /** Runs and checks; never throws for a finding (they are in the report). */
    public RobustReport run() {
        Recorder recorder = new Recorder(System::nanoTime);
        List<String> keys = createKeys(recorder);
        long from = maxRevision(recorder.ops());
        List<MvirtWatcher> watchers = new ArrayList<>();
        for (String peer : cluster.ids()) {
            watchers.add(
                    new MvirtWatcher("w-" + peer, peer, HttpClients.http11(), cluster.clientUri(peer), token, from));
        }
        long end = System.nanoTime() + options.duration().toNanos();
        Nemesis nemesis = new Nemesis(cluster, options, end);
        Thread faults = Thread.ofPlatform().name("nemesis").start(nemesis);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            String peer = cluster.ids().get(c % cluster.ids().size());
            RegisterClient rc = new RegisterClient(c, peer, kv(peer), keys, recorder, end, options.seed() * 1000 + c);
            clients.add(Thread.ofPlatform().name("client-" + c).start(rc));
        }
        join(faults);
        clients.forEach(RobustnessRun::join);
        healAll();
        List<FinalRead> finals = finalReads(keys);
        List<WatchLog> logs = drain(watchers, finals);
        History h = new History(recorder.ops(), logs, finals);
        return new RobustReport(h, nemesis.log(), HistoryChecks.run(h));
    }

    private List<String> createKeys(Recorder recorder) {
        List<String> keys = new ArrayList<>();
        KvClient kv = kv(cluster.ids().getFirst());
        for (int k = 0; k < options.keys(); k++) {
            String key = "reg-" + options.seed() + "-" + k;
            String init = "init-" + k;
            Recorder.Pending p = recorder.invoke(-1, cluster.ids().getFirst(), key, OpKind.WRITE, init, "", 0);
            KvResult r = retry(() -> kv.create(key, init));
            p.complete(r.outcome(), "", r.revision());
            keys.add(key);
        }
        return keys;
    }

    private void healAll() {
        cluster.heal();
        for (String id : cluster.ids()) {
            if (cluster.running(id)) {
                cluster.resume(id);
            } else {
                cluster.restart(id);
            }
        }
        cluster.ids().forEach(id -> cluster.awaitReady(id, Duration.ofSeconds(60)));
    }

    private List<FinalRead> finalReads(List<String> keys) {
        List<FinalRead> out = new ArrayList<>();
        for (String peer : cluster.ids()) {
            KvClient kv = kv(peer);
            for (String key : keys) {
                KvResult r = retry(() -> kv.read(key, true));
                out.add(new FinalRead(peer, key, r.value(), r.revision()));
            }
        }
        return out;
    }

    private static List<WatchLog> drain(List<MvirtWatcher> watchers, List<FinalRead> finals) {
        long target = finals.stream().mapToLong(FinalRead::revision).max().orElse(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && watchers.stream().anyMatch(w -> w.lastRevision() < target)) {
            sleep(100);
        }
        return watchers.stream().map(MvirtWatcher::finish).toList();
    }

    private KvClient kv(String peer) {
        return new MvirtKv(HttpClients.http11(), cluster.clientUri(peer), token, options.requestTimeout());
    }

    private static KvResult retry(java.util.function.Supplier<KvResult> op) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        KvResult r = op.get();
        while (r.outcome() != Outcome.OK && System.nanoTime() < deadline) {
            sleep(200);
            r = op.get();
        }
        if (r.outcome() != Outcome.OK) {
            throw new ClusterException("no successful answer within 60 s (last status " + r.status() + ")");
        }
        return r;
    }

    private static long maxRevision(List<Op> ops) {
        return ops.stream().mapToLong(Op::revision).max().orElse(0);
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
