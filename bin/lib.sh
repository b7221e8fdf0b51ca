# Shared by the launchers in bin/: find a JDK >= 25, build a module when it is missing, run its main class.
# Source it; do not run it.

MVIRT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Prints the path of a JDK whose major version is >= 25 (JAVA_HOME first, then /usr/lib/jvm).
mvirt_find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/*)
  local c v
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] || continue
    # the JDK's release file names its version; starting a JVM to ask costs a second on every launch
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$c/release" 2>/dev/null)
    [ -n "$v" ] || v=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then
      echo "$c"; return 0
    fi
  done
  echo "mvirt: no JDK >= 25 found (set JAVA_HOME; Debian: /usr/lib/jvm/temurin-25-jdk-amd64)" >&2
  return 1
}

# Builds MODULE (and what it needs) unless its jar and runtime classpath exist.
mvirt_ensure_built() {
  local module="$1"
  local target="$MVIRT_ROOT/$module/target"
  if ! ls "$target"/*.jar >/dev/null 2>&1 || [ ! -f "$target/classpath.txt" ]; then
    echo "mvirt: building $module (first run) ..." >&2
    (cd "$MVIRT_ROOT" && ./mvnw -q -B -pl "$module" -am -DskipTests -DskipITs -Dspotless.check.skip=true install) >&2
  fi
}

# Runs MAIN_CLASS of MODULE with the remaining arguments, replacing this shell.
mvirt_exec() {
  local module="$1" main="$2"; shift 2
  export JAVA_HOME; JAVA_HOME="$(mvirt_find_jdk)"
  mvirt_ensure_built "$module"
  local target="$MVIRT_ROOT/$module/target"
  local jar; jar=$(ls "$target"/"$module"-*.jar | grep -v -e sources -e tests | head -n1)
  # MODULE/jvm.flags: that daemon's own flags, one per line, # comments (MVIRT_JAVA_OPTS come after and win)
  local flags=()
  if [[ -f "$MVIRT_ROOT/$module/jvm.flags" ]]; then
    mapfile -t flags < <(sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' \
      "$MVIRT_ROOT/$module/jvm.flags")
  fi
  exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    "${flags[@]}" ${MVIRT_JAVA_OPTS:-} -cp "$jar:$(cat "$target/classpath.txt")" "$main" "$@"
}
