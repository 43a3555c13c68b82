#!/usr/bin/env bash
# Queue throughput: enqueue + take + ack per second through the full WorkerRuntime path (no-op handler) with 1 and
# 4 consumers, next to `redis-benchmark -t lpush,rpop` on the same Redis, printed as a ratio (target >= 30 % with 4).
# REDIS_URL defaults to redis://127.0.0.1:6379/14; only the bench's own keys are written and deleted.
# BENCH_JOBS (default 40000) sets the jobs per run, BENCH_PRODUCERS (default 4) the enqueueing threads. Needs redis-benchmark (package redis-tools) on PATH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=../bin/jdk.sh
. "$root/bin/jdk.sh"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/14}"

# bench/run builds everything once and sets BENCH_SKIP_BUILD=1.
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  "$root/bin/mvn" -B -q -pl common test-compile
fi
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
"$root/bin/mvn" -B -q -pl common dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file" >/dev/null
classpath="common/target/test-classes:common/target/classes:$(cat "$classpath_file")"

exec "$JAVA_HOME/bin/java" -Xmx512m -cp "$classpath" org.creatorarchiver.bench.QueueThroughputBench
