# Sourced by bin/archiver, bin/start and bin/demo: builds the executable jars, and only when they are stale.
# Expects $root (the project root) and bin/jdk.sh sourced (JAVA_HOME >= 21).

# The modules that make a runnable jar, <module>/target/<module>.jar.
ARCHIVER_JAR_MODULES="orchestrator worker-phase1 worker-phase2 worker-phase3 all-in-one"

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
# --fake also makes sure the fake Patreon can run. Quiet and instant when all is fresh.
build_jars() {
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
