#!/usr/bin/env bash
# Unpacks Debian's etcd 3.4 (etcd-server, etcd-client) into a cache directory, not installed system-wide.
# Prints the directory holding the etcd and etcdctl binaries. Used by bench/run.sh; never by CI.
#   bench/etcd-fetch.sh                 cache in ${MVIRT_BENCH_CACHE:-$HOME/.cache/mvirt-bench}/etcd
set -euo pipefail
cache="${MVIRT_BENCH_CACHE:-$HOME/.cache/mvirt-bench}/etcd"
if [ -x "$cache/root/usr/bin/etcd" ]; then
  echo "$cache/root/usr/bin"; exit 0
fi
mkdir -p "$cache/debs" "$cache/root"
cd "$cache/debs"
apt-get download etcd-server etcd-client >&2 || {
  echo "etcd-fetch: apt-get download failed (run 'apt-get update' as root first?)" >&2; exit 1; }
for deb in ./*.deb; do dpkg -x "$deb" "$cache/root"; done
[ -x "$cache/root/usr/bin/etcd" ] || { echo "etcd-fetch: no usr/bin/etcd in the packages" >&2; exit 1; }
"$cache/root/usr/bin/etcd" --version >&2
echo "$cache/root/usr/bin"
