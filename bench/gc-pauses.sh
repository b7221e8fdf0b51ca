#!/usr/bin/env bash
# Sums the GC pauses in the last SECONDS (default 40) of each -Xlog:gc log given: count, total, share of wall time,
# max, and per kind (young, mixed, remark, ...) count, mean and max. For the peers of a bench run:
#   BENCH_OPTS="... -Dbench.mvirt.jvm=-Xlog:gc*:file=/tmp/{id}-gc.log" bench/run.sh
#   bench/gc-pauses.sh 40 /tmp/api1-gc.log /tmp/api2-gc.log /tmp/api3-gc.log
# Put the row to study last in bench.workloads, so the last SECONDS of the log are that row. Used to compare the
# followers' young pauses before and after the event history was kept as bytes (README "Raft timing", session 16).
set -euo pipefail
if [[ $# -lt 2 || ! $1 =~ ^[0-9]+$ ]]; then
    echo "usage: bench/gc-pauses.sh SECONDS GC_LOG..." >&2
    exit 2
fi
window=$1
shift
for log in "$@"; do
    echo "== $log"
    # a pause line: [12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 50M->20M(128M) 12.345ms
    awk -v window="$window" '
        match($0, /^\[[0-9.]+s\]/) && / Pause / && /ms$/ {
            t = substr($0, 2, RLENGTH - 3) + 0
            kind = $0; sub(/.* Pause /, "", kind); sub(/ [0-9]+M->.*$/, "", kind); sub(/ \(G1[^)]*\)$/, "", kind)
            ms = $NF; sub(/ms$/, "", ms)
            n++; at[n] = t; k[n] = kind; d[n] = ms + 0
        }
        END {
            if (n == 0) { print "  no pauses (is it a -Xlog:gc log?)"; exit }
            from = at[n] - window
            for (i = 1; i <= n; i++) {
                if (at[i] < from) continue
                c++; tot += d[i]; if (d[i] > mx) mx = d[i]
                kc[k[i]]++; ks[k[i]] += d[i]; if (d[i] > km[k[i]]) km[k[i]] = d[i]
            }
            printf "  %d pauses, %.0f ms in %d s (%.1f%% of wall), max %.1f ms\n", c, tot, window, tot / window / 10, mx
            for (x in kc) printf "  %-28s %3d x, mean %5.1f ms, max %5.1f ms\n", x, kc[x], ks[x] / kc[x], km[x]
        }' "$log"
done
