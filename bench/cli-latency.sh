#!/usr/bin/env bash
# How long the CLI takes to answer, as a user runs it (./archiver, through bin/archiver and its JDK start-up cache):
# the median wall time of BENCH_CLI_RUNS (10) runs each of `java -version` (the JVM's own floor), `./archiver --help`,
# `./archiver status` and `./archiver status --json`, printed side by side. The cache is made first if missing
# (not timed). Target: status under 1 s. With BENCH_SUMMARY set, appends "cli.<command>_ms <ms>" lines.
# Uses the bench database (archiver_bench) and Redis db 14 as they are: status only reads.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=bench-env.sh
. "$root/bench/bench-env.sh"
runs="${BENCH_CLI_RUNS:-10}"
export LOG_LEVEL="${LOG_LEVEL:-INFO}"

# bench/run builds everything once and sets BENCH_SKIP_BUILD=1; ./archiver builds the jar itself when stale.
./archiver status >/dev/null

# median_ms COMMAND...: the median of $runs wall times in milliseconds; the command's output is dropped.
median_ms() {
  local times=() i start
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "cli-latency: '$*' failed" >&2; return 1; }
    times+=($((($(date +%s%N) - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'
}

java_ms=$(median_ms "$JAVA_HOME/bin/java" -version)
help_ms=$(median_ms ./archiver --help)
status_ms=$(median_ms ./archiver status)
json_ms=$(median_ms ./archiver status --json)
cache="with the JDK start-up cache"
[ -f orchestrator/target/orchestrator.aot ] || cache="without a start-up cache (JDK < 25 or ARCHIVER_AOT_CACHE=off)"
echo "cli latency: median of $runs runs, $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1), $cache"
printf '%-26s %-18s %-18s %-22s\n' "java -version" "./archiver --help" "./archiver status" "./archiver status --json"
printf '%-26s %-18s %-18s %-22s\n' "$java_ms ms" "$help_ms ms" "$status_ms ms" "$json_ms ms"
if [ -n "${BENCH_SUMMARY:-}" ]; then
  printf 'cli.java_version_ms %s\ncli.help_ms %s\ncli.status_ms %s\ncli.status_json_ms %s\n' \
    "$java_ms" "$help_ms" "$status_ms" "$json_ms" >>"$BENCH_SUMMARY"
fi
