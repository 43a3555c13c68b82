# Sourced by bin/archiver, bin/start and bin/demo: builds the executable jars, and only when they are stale.
# Expects $root (the project root) and bin/jdk.sh sourced (JAVA_HOME >= 21).

# The modules that make a runnable jar, <module>/target/<module>.jar.
ARCHIVER_JAR_MODULES="orchestrator worker-phase1 worker-phase2 worker-phase3 worker-phase4 all-in-one"

# jar_is_stale MODULE: true when MODULE's jar is missing or older than a source, resource or pom it is made from.
jar_is_stale() {
  local jar="$root/$1/target/$1.jar"
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$root/common/src/main" "$root/$1/src/main" "$root/pom.xml" "$root/common/pom.xml" "$root/$1/pom.xml" \
    -newer "$jar" -type f -print -quit 2>/dev/null)" ] && return 0
  # The all-in-one jar holds every worker's code too.
  if [ "$1" = all-in-one ]; then
    [ -n "$(find "$root"/worker-phase*/src/main "$root"/orchestrator/src/main -newer "$jar" -type f -print -quit)" ] \
      && return 0
  fi
  return 1
}

# fake_is_stale: true when the fake Patreon's classes (common's test classes and their classpath) need a build.
fake_is_stale() {
  local classpath="$root/common/target/test-classpath.txt"
  [ ! -f "$classpath" ] || [ -n "$(find "$root/common/src" "$root/common/pom.xml" "$root/pom.xml" -newer "$classpath" \
    -type f -print -quit)" ]
}

# build_jars [--fake] MODULE...: packages the stale ones among MODULE (and their dependencies), without tests;
# --fake also makes sure the fake Patreon can run. Quiet and instant when all is fresh. One build at a time: the demo
# and a user's ./archiver started together would otherwise both see a stale jar and write the same target folders at
# once; the second waits on the lock, then finds the jars fresh.
build_jars() {
  mkdir -p "$root/target"
  local lock
  exec {lock}>"$root/target/.jars.lock"
  flock "$lock"
  build_stale_jars "$@"
  local status=$?
  exec {lock}>&-
  return $status
}

build_stale_jars() {
  local stale=() module with_fake=false
  if [ "${1:-}" = --fake ]; then
    with_fake=true
    shift
  fi
  for module in "$@"; do
    jar_is_stale "$module" && stale+=("$module")
  done
  if [ "$with_fake" = true ] && fake_is_stale; then
    stale+=(common)
  fi
  [ "${#stale[@]}" -eq 0 ] && return 0
  echo "building ${stale[*]} (tests are not run; bin/test runs them)" >&2
  local started=$SECONDS
  # -DskipTests still compiles the test classes (the fake Patreon is one), unlike -Dmaven.test.skip.
  "$root/bin/mvn" -B -q -DskipTests -pl "$(IFS=,; echo "${stale[*]}")" -am package >&2
  echo "built in $((SECONDS - started)) s" >&2
}

# The orchestrator's JDK start-up cache (JDK 25+ -XX:AOTCache, JEP 483/514): the classes a CLI verb loads, read,
# parsed and linked once, so that `./archiver status` answers in about 0.6 s instead of 1.6 s. Made from one training
# run of `status --json` against the configured services (a run that cannot reach them still gives a useful cache),
# again whenever the jar is newer. Without JDK 25, or with ARCHIVER_AOT_CACHE=off, verbs run without it.
ORCHESTRATOR_AOT_CACHE="$root/orchestrator/target/orchestrator.aot"
AOT_QUIET=(-Xlog:aot=off -Xlog:cds=off)

java_has_aot_cache() {
  [ "${ARCHIVER_AOT_CACHE:-on}" != off ] && [ "$(java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null
}

# prepare_orchestrator_aot_cache: (re)makes the cache when it is missing or older than the jar; about 7 s, once.
prepare_orchestrator_aot_cache() {
  local jar="$root/orchestrator/target/orchestrator.jar" cache="$ORCHESTRATOR_AOT_CACHE"
  java_has_aot_cache && [ -f "$jar" ] || return 0
  [ -f "$cache" ] && [ "$cache" -nt "$jar" ] && return 0
  echo "preparing the CLI's start-up cache (once per build, a few seconds)" >&2
  # Written under temporary names and moved into place: another verb starting meanwhile never sees half a cache.
  local config="$cache.$$.config" partial="$cache.$$.partial"
  "$JAVA_HOME/bin/java" "${AOT_QUIET[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$config" \
    -jar "$jar" status --json >/dev/null 2>&1 || true
  if [ -f "$config" ] && "$JAVA_HOME/bin/java" "${AOT_QUIET[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$config" \
      -XX:AOTCache="$partial" -jar "$jar" >/dev/null 2>&1; then
    mv -f "$partial" "$cache"
  else
    echo "could not make the start-up cache; verbs run without it" >&2
  fi
  rm -f "$config" "$partial"
}

# orchestrator_java_options: the JVM options that use the cache, when there is a fresh one.
orchestrator_java_options() {
  if java_has_aot_cache && [ -f "$ORCHESTRATOR_AOT_CACHE" ]; then
    echo "${AOT_QUIET[*]} -XX:AOTCache=$ORCHESTRATOR_AOT_CACHE"
  fi
}
