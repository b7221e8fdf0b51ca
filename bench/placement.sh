#!/usr/bin/env bash
# Placement benchmark (not a test): real API servers (Ratis peers in one JVM) place VMs on simulated hosts.
#   bench/placement.sh [PEERS=3] [HOSTS=1000] [VMS=10000] [IN_FLIGHT=256] [ROUNDS=2]  (round 1: cold JVM)
# Prints committed placements/s, p99 create latency and heap beside Nomad's and kube-scheduler's published figures.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/bin/lib.sh"
export JAVA_HOME; JAVA_HOME="$(mvirt_find_jdk)"
T="$ROOT/mvirt-node/target"
if [ ! -f "$T/test-classpath.txt" ] || [ ! -d "$T/test-classes/dev/mvirt/node/bench" ]; then
  (cd "$ROOT" && ./mvnw -q -B -pl mvirt-node process-test-classes -Dspotless.check.skip=true) >&2
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -Xmx4g ${MVIRT_JAVA_OPTS:-} -Dlogback.configurationFile="$ROOT/bench/placement-logback.xml" \
  -cp "$T/test-classes:$T/classes:$(cat "$T/test-classpath.txt")" dev.mvirt.node.bench.PlacementBench "$@"
