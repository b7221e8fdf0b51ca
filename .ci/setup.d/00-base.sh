#!/usr/bin/env bash
# Base packages every build needs. Each module with system needs adds its own NN-module.sh beside this one.
set -euo pipefail
source "$(dirname "$0")/apt.sh"
apt_install sqlite3 curl
