#!/usr/bin/env bash
# bench: nftables for the robustness IT's network partitions (setpriv comes with util-linux). etcd is never needed in CI.
set -euo pipefail
source "$(dirname "$0")/apt.sh"
apt_install nftables
