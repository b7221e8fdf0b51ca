#!/usr/bin/env bash
# Prints, once a second, the CPU each bench process used in that second, in % of one core: every mvirt-api peer (by
# its --id) and the load generator (BenchMain). Run it beside bench/run.sh and stop it with Ctrl-C; the rows of the
# table run in order, so the phases show as steps. Used to find that writes spread over the three peers cost each
# follower ~45 % of a core at ~1,350 writes/s, against ~25 % at ~2,900 writes/s all through one peer (README).
set -euo pipefail
hz=$(getconf CLK_TCK)
declare -A last
while true; do
    line="$(date +%T)"
    for pid in $(pgrep -f 'dev\.mvirt\.api\.Main|dev\.mvirt\.bench\.BenchMain' || true); do
        stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
        name=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -o -- '--id[= ][A-Za-z0-9_-]*\|BenchMain' | head -n1 | sed 's/--id[= ]//') || true
        # utime and stime are fields 14 and 15; the command name (field 2) may hold spaces, so count after its ')'
        ticks=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' <<<"$stat")
        if [[ -n "${last[$pid]:-}" ]]; then
            line+=" ${name:-$pid}=$(((ticks - ${last[$pid]}) * 100 / hz))%"
        fi
        last[$pid]=$ticks
    done
    echo "$line"
    sleep 1
done
