#!/usr/bin/env bash
# Phase 1 listing speed: posts listed per second against a local fake Patreon (2,000 posts, 100 pages of 20, 20 ms
# latency per request), next to the ideal (pages x latency) and a bare HTTP fetch of the same pages, measured in
# the same run. The real handler, HTTP client, PostgreSQL and Redis are used; the Patreon rate limit is lifted
# (200 requests/s) so the figure shows the pipeline, not the politeness setting (2 requests/s by default = 50 s).
# Uses the database archiver_bench (created if missing, emptied) and Redis db 14 (flushed).
# BENCH_POSTS and BENCH_LATENCY_MS override the defaults.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=bench-env.sh
. "$root/bench/bench-env.sh"

# bench/run builds everything once and sets BENCH_SKIP_BUILD=1.
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  "$root/bin/mvn" -B -q -pl common,worker-phase1 -am install -DskipTests >/dev/null
  "$root/bin/mvn" -B -q -pl worker-phase1 test-compile
fi
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
"$root/bin/mvn" -B -q -pl worker-phase1 dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file" >/dev/null
classpath="worker-phase1/target/test-classes:worker-phase1/target/classes:$(cat "$classpath_file")"

exec "$JAVA_HOME/bin/java" -Xmx512m -Dbench.posts="${BENCH_POSTS:-2000}" -Dbench.latencyMs="${BENCH_LATENCY_MS:-20}" \
  -cp "$classpath" org.creatorarchiver.phase1.Phase1ListingBench
