package dev.mvirt.bench.robust;

import dev.mvirt.bench.client.KvClient;
import dev.mvirt.bench.client.KvResult;
import dev.mvirt.bench.history.OpKind;
import dev.mvirt.bench.history.Outcome;
import dev.mvirt.bench.history.Recorder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One client thread of the robustness run, pinned to one peer: a random mix of writes (35%), compare-and-sets on
 * the last (value, revision) it saw (15%), linearizable reads (25%) and local reads (25%), every one recorded with
 * its invocation and completion. Values are unique ("c{client}-{n}").
 */
final class RegisterClient implements Runnable {
    private record Known(String value, long revision) {}

    private final int id;
    private final String peer;
    private final KvClient kv;
    private final List<String> keys;
    private final Recorder recorder;
    private final long end;
    private final Random rnd;
    private final Map<String, Known> known = new HashMap<>();
    private int written;

    RegisterClient(int id, String peer, KvClient kv, List<String> keys, Recorder recorder, long end, long seed) {
        this.id = id;
        this.peer = peer;
        this.kv = kv;
        this.keys = List.copyOf(keys);
        this.recorder = recorder;
        this.end = end;
        this.rnd = new Random(seed);
    }

    @Override
    public void run() {
        while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
            String key = keys.get(rnd.nextInt(keys.size()));
            int dice = rnd.nextInt(100);
            KvResult r;
            if (dice < 35) {
                r = write(key);
            } else if (dice < 50 && known.containsKey(key)) {
                r = cas(key, known.get(key));
            } else {
                r = read(key, dice < 75);
            }
            if (!r.ok() && !(r.outcome() == Outcome.FAIL && r.status() == 412)) {
                pause(50 + rnd.nextInt(100));
            }
        }
    }

    private KvResult write(String key) {
        String value = "c" + id + "-" + written++;
        Recorder.Pending p = recorder.invoke(id, peer, key, OpKind.WRITE, value, "", 0);
        KvResult r = kv.write(key, value);
        p.complete(r.outcome(), "", r.revision());
        learn(key, r, value);
        return r;
    }

    private KvResult cas(String key, Known expect) {
        String value = "c" + id + "-" + written++;
        Recorder.Pending p = recorder.invoke(id, peer, key, OpKind.CAS, value, expect.value(), expect.revision());
        KvResult r = kv.cas(key, expect.revision(), value);
        // a CAS refused for another reason than the revision says nothing definite about the register
        Outcome o = r.outcome() == Outcome.FAIL && r.status() != 412 ? Outcome.UNKNOWN : r.outcome();
        p.complete(o, "", r.revision());
        learn(key, r, value);
        return r;
    }

    private KvResult read(String key, boolean linearizable) {
        Recorder.Pending p = recorder.invoke(id, peer, key, linearizable ? OpKind.READ : OpKind.LOCAL_READ, "", "", 0);
        KvResult r = kv.read(key, linearizable);
        p.complete(r.outcome(), r.value(), r.revision());
        learn(key, r, r.value());
        return r;
    }

    private void learn(String key, KvResult r, String value) {
        if (r.ok() && r.revision() > 0) {
            known.put(key, new Known(value, r.revision()));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
