#!/usr/bin/env bash
# mvirt-cli: tmux, the real terminal the TUI and shell tests (TuiIT, ShellIT) drive with send-keys/capture-pane.
set -euo pipefail
source "$(dirname "$0")/apt.sh"
apt_install tmux
