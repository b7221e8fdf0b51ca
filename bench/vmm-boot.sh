#!/usr/bin/env bash
# Boot benchmark of mvirt-vmm under QEMU (TCG here): N sequential and N concurrent VMs of the demo guest.
# Prints per VM: daemon overhead (StartVm request -> hypervisor exec), StartVm answer, request -> console marker;
# and, as the peer, the same guest started with qemu-system-x86_64 directly (exec -> marker).
#   bench/vmm-boot.sh [N]     (default 3; root, qemu and the demo guest's build tools needed)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib.sh"
cd "$MVIRT_ROOT"
export JAVA_HOME; JAVA_HOME="$(mvirt_find_jdk)"
./mvnw -q -B -pl mvirt-vmm process-test-classes -Dspotless.check.skip=true >&2
T=mvirt-vmm/target
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "$T/classes:$T/test-classes:$(cat $T/test-classpath.txt)" dev.mvirt.vmm.bench.VmBootBench "${1:-3}"
