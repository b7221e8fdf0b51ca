#!/usr/bin/env bash
# mvirt-log: the sqlite3 CLI, the peer its benchmark (bench/log.sh) runs beside; the tests themselves need nothing.
set -euo pipefail
source "$(dirname "$0")/apt.sh"
apt_install sqlite3
