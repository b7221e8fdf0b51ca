# apt_install PKG...: installs the Debian packages that are missing, from the configured archive only.
apt_install() {
  local missing=()
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}" >&2
  if [ ! -f /tmp/.mvirt-apt-updated ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && touch /tmp/.mvirt-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}
