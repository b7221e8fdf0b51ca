#!/usr/bin/env bash
# mvirt-log benchmark beside the sqlite3 CLI (same machine, same run); prints figures and ratios. Not run in CI.
#   bench/log.sh                                   defaults: 200,000-entry ingest, 1,000,000-row query table
#   BENCH_OPTS="-Dbench.ingest=50000 -Dbench.rows=100000" bench/log.sh    a quick run
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib.sh"
cd "$MVIRT_ROOT"
export JAVA_HOME; JAVA_HOME="$(mvirt_find_jdk)"
command -v sqlite3 >/dev/null || { echo "bench/log.sh: needs the sqlite3 CLI (apt install sqlite3)" >&2; exit 1; }
./mvnw -q -B -pl mvirt-log process-test-classes -Dspotless.check.skip=true
cp="mvirt-log/target/test-classes:mvirt-log/target/classes:$(cat mvirt-log/target/test-classpath.txt)"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -DMVIRT_LOG_LEVEL=WARN ${BENCH_OPTS:-} -cp "$cp" dev.mvirt.log.bench.LogBench
