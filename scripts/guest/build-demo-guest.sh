#!/usr/bin/env bash
# Builds mvirt's demo guest from Debian packages and caches it:
#   CACHE_DIR/vmlinuz           Debian's amd64 kernel (the version linux-image-amd64 depends on)
#   CACHE_DIR/initramfs.cpio.gz busybox-static initramfs; /init prints MVIRT-GUEST-READY on the console,
#                               runs an interactive shell there, and powers off when the ACPI power button
#                               is pressed (so QMP system_powerdown / cloud-hypervisor vm.power-button work)
# Usage: scripts/guest/build-demo-guest.sh [CACHE_DIR]   (default ~/.cache/mvirt/guest)
# Needs: apt-get (package lists present), dpkg, kmod (modinfo), busybox-static, cpio, gzip. Prints CACHE_DIR on success.
# Boot: kernel vmlinuz, initrd initramfs.cpio.gz, cmdline "console=ttyS0 quiet panic=-1".
set -euo pipefail

CACHE_DIR="${1:-${HOME}/.cache/mvirt/guest}"
MARKER="MVIRT-GUEST-READY"
FORMAT=8 # bump when the initramfs layout changes, to rebuild caches

kernel_package() {
  apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: \(linux-image-6\.1[^ ]*-amd64\)$/\1/p' | head -n1
}

KPKG="$(kernel_package)"
if [ -z "$KPKG" ]; then
  echo "build-demo-guest: cannot find the kernel package linux-image-amd64 depends on (run apt-get update)" >&2
  exit 1
fi
STAMP="$KPKG format=$FORMAT"
if [ -f "$CACHE_DIR/stamp" ] && [ "$(cat "$CACHE_DIR/stamp")" = "$STAMP" ] \
    && [ -f "$CACHE_DIR/vmlinuz" ] && [ -f "$CACHE_DIR/initramfs.cpio.gz" ]; then
  echo "$CACHE_DIR"
  exit 0
fi

BUSYBOX=/bin/busybox # busybox-static's binary; the guest has no C library
[ -x "$BUSYBOX" ] || { echo "build-demo-guest: busybox-static is not installed" >&2; exit 1; }

mkdir -p "$CACHE_DIR"
WORK="$(mktemp -d "$CACHE_DIR/.build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# the kernel package, unpacked without installing
(cd "$WORK" && apt-get download -q "$KPKG" >/dev/null 2>&1) \
  || { echo "build-demo-guest: apt-get download $KPKG failed" >&2; exit 1; }
dpkg -x "$WORK"/"$KPKG"_*.deb "$WORK/kernel"
KVER="${KPKG#linux-image-}"
MODDIR="$WORK/kernel/lib/modules/$KVER"

ROOT="$WORK/root"
mkdir -p "$ROOT"/{bin,dev,proc,sys,tmp,etc,lib/modules}
cp "$BUSYBOX" "$ROOT/bin/busybox"
for applet in sh mount insmod poweroff reboot dd cat echo sleep setsid cttyhack ls grep uname mkdir wc hostname touch; do
  ln -sf busybox "$ROOT/bin/$applet"
done

# modules the guest may need (ACPI power button and its input device; virtio disk and network), with the
# modules they depend on, in load order (modinfo; the package has no modules.dep)
module_path() { find "$MODDIR" \( -name "$1.ko" -o -name "$1.ko.xz" \) | head -n1; }
ORDER=()
add_module() {
  local f dep
  f="$(module_path "$1")"
  [ -n "$f" ] || return 0
  for dep in $(modinfo -F depends "$f" | tr ',' ' '); do
    add_module "$dep"
  done
  case " ${ORDER[*]} " in *" $1 "*) ;; *) ORDER+=("$1") ;; esac
}
for m in evdev button virtio_pci virtio_blk virtio_net; do add_module "$m"; done
for m in "${ORDER[@]}"; do
  f="$(module_path "$m")"
  case "$f" in *.xz) xz -dc "$f" > "$ROOT/lib/modules/$m.ko" ;; *) cp "$f" "$ROOT/lib/modules/$m.ko" ;; esac
done
echo "${ORDER[*]}" > "$ROOT/lib/modules/order"

cat > "$ROOT/init" <<EOF
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
for m in \$(cat /lib/modules/order); do
  insmod /lib/modules/\$m.ko 2>/dev/null
done
/bin/power-button-watch &
# the marker promises a guest that reacts to the power button: wait (at most 10 s) until the watcher listens
i=0
while [ ! -e /tmp/power-button-ready ] && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i+1)); done
hostname mvirt-guest
echo "$MARKER"
while true; do
  setsid cttyhack sh -i
done
EOF

# opens the ACPI power button's input device, says it is ready, powers off at once on its first event
cat > "$ROOT/bin/power-button-watch" <<'EOF'
#!/bin/sh
dev=""
while [ -z "$dev" ]; do
  for n in /sys/class/input/event*; do
    if grep -q "Power Button" "$n/device/name" 2>/dev/null && [ -c "/dev/input/${n##*/}" ]; then
      dev="/dev/input/${n##*/}"
    fi
  done
  [ -n "$dev" ] || sleep 0.2
done
exec 3<"$dev"
touch /tmp/power-button-ready
while true; do
  if [ "$(dd bs=24 count=1 <&3 2>/dev/null | wc -c)" = 24 ]; then
    echo "mvirt-guest: power button pressed, powering off" > /dev/console
    poweroff -f
  fi
done
EOF
chmod +x "$ROOT/init" "$ROOT/bin/power-button-watch"

(cd "$ROOT" && find . | cpio -o -H newc --quiet | gzip -9) > "$WORK/initramfs.cpio.gz"
cp "$WORK/kernel/boot/vmlinuz-$KVER" "$WORK/vmlinuz"
mv -f "$WORK/vmlinuz" "$CACHE_DIR/vmlinuz"
mv -f "$WORK/initramfs.cpio.gz" "$CACHE_DIR/initramfs.cpio.gz"
echo "$STAMP" > "$CACHE_DIR/stamp"
echo "$CACHE_DIR"
