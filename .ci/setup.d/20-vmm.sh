#!/usr/bin/env bash
# System packages for mvirt-vmm's host tests: QEMU (TCG), the demo guest build (kernel from Debian, busybox
# initramfs) and cloud-init seed images (xorriso to build/read ISO, mtools to read vfat).
set -euo pipefail
source "$(dirname "$0")/apt.sh"
apt_install qemu-system-x86 qemu-utils busybox-static cpio xorriso mtools kmod zstd
