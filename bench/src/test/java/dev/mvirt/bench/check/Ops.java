package dev.mvirt.bench.check;

import dev.mvirt.bench.history.Op;
import dev.mvirt.bench.history.OpKind;
import dev.mvirt.bench.history.Outcome;
import java.util.concurrent.atomic.AtomicInteger;

/** Hand-made operations for checker tests: times are small integers, one peer "p1" unless given. */
final class Ops {
    private final AtomicInteger ids = new AtomicInteger();

    Op write(int client, String key, String value, long start, long end, long rev) {
        return op(client, "p1", key, OpKind.WRITE, value, "", 0, start, end, Outcome.OK, "", rev);
    }

    Op writeUnknown(int client, String key, String value, long start) {
        return op(client, "p1", key, OpKind.WRITE, value, "", 0, start, Long.MAX_VALUE, Outcome.UNKNOWN, "", 0);
    }

    Op read(int client, String key, String value, long start, long end, long rev) {
        return op(client, "p1", key, OpKind.READ, "", "", 0, start, end, Outcome.OK, value, rev);
    }

    Op localRead(int client, String peer, String key, String value, long start, long end, long rev) {
        return op(client, peer, key, OpKind.LOCAL_READ, "", "", 0, start, end, Outcome.OK, value, rev);
    }

    Op cas(int client, String key, String expected, String value, long start, long end, Outcome outcome, long rev) {
        return op(client, "p1", key, OpKind.CAS, value, expected, 0, start, end, outcome, "", rev);
    }

    Op op(
            int client,
            String peer,
            String key,
            OpKind kind,
            String value,
            String expected,
            long expRev,
            long start,
            long end,
            Outcome outcome,
            String read,
            long rev) {
        return new Op(
                ids.getAndIncrement(),
                client,
                peer,
                key,
                kind,
                value,
                expected,
                expRev,
                start,
                end,
                outcome,
                read,
                rev);
    }
}
