#!/usr/bin/env bash
# The side-by-side benchmark: 3 mvirt-api peers vs 3 etcd 3.4 members on loopback, same load generator, alternating
# runs; prints ops/s, p50/p99/p99.9, server CPU per op and mvirt/etcd ratios, then failover windows. Not run in CI.
#   bench/run.sh                                        full run (about 40 minutes on 2 cores; the table alone took 20 with -Dbench.prime=120)
#   BENCH_OPTS="-Dbench.seconds=5 -Dbench.trials=3" bench/run.sh          a quick run
#   BENCH_OPTS="-Dbench.parts=throughput" bench/run.sh                    the table only
# Partitions (network-cut failover) need root with nft and setpriv (apt-get install nftables); without, skipped.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib.sh"
cd "$MVIRT_ROOT"
export JAVA_HOME; JAVA_HOME="$(mvirt_find_jdk)"
etcd_bin="$(bench/etcd-fetch.sh | tail -n1)/etcd"
# -am: the peers run the mvirt-api built here from this tree, never a stale one from ~/.m2
./mvnw -q -B -pl bench -am package -DskipTests -Dspotless.check.skip=true
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -Dbench.etcd="$etcd_bin" -Dbench.classpath="$cp" ${BENCH_OPTS:-} \
  -cp "$cp" dev.mvirt.bench.BenchMain
