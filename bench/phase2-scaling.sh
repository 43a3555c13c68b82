#!/usr/bin/env bash
# Phase 2 scaling: posts processed per second with 1, 2 and 4 worker PROCESSES (the real
# worker-phase2/target/worker-phase2.jar, WORKER_CONCURRENCY=1 each) against the fake Patreon as a process
# (FakePatreonServer, 20 ms latency per request), and the speed-up over 1 (target >= 3.2x with 4).
# Each run: the database and Redis are emptied, `queued` posts rows are stored for a 1200-post creator (and a warm-up
# creator), the workers are started and warmed up on the warm-up creator's posts (2000 per worker: the figure wanted
# is a long archive run's, not a JVM's first minutes; after 800 posts, JFR still showed the C2 compiler threads using
# 40 % as much CPU as the consumer, and four JVMs compiling at once on 2 cores measured 2.6x instead of 3.4x), then one
# process_post job per post is enqueued and timed
# until the phase2 queue is empty and every post is `completed`. Only the phase2 queue is measured: the bench's
# settings file turns Patreon video, audio and attachment downloads off (images are URL-only and YouTube embed-only
# by default), so the figure is post processing (fetch, details, media decisions) and no media job exists. The
# settings file also raises scraping.requests_per_second from 2 (the default, shared by all workers through Redis,
# which would cap every run at 2 posts/s) to 1000.
# Uses the database archiver_bench (created if missing, emptied) and Redis db 14 (flushed); BENCH_DATABASE_URL /
# BENCH_REDIS_URL choose others. BENCH_POSTS (1200), BENCH_WARMUP_POSTS (per worker, 2000), BENCH_LATENCY_MS (20),
# BENCH_WORKERS ("1 2 4"); ARCHIVER_JAVA_OPTS goes to the workers' JVMs (as with bin/archiver). Each worker's peak
# RSS (VmHWM) is printed when its run ends.
# Every process started here is stopped on exit, failure included.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=bench-env.sh
. "$root/bench/bench-env.sh"
posts="${BENCH_POSTS:-1200}"
warmup_per_worker="${BENCH_WARMUP_POSTS:-2000}"
latency_ms="${BENCH_LATENCY_MS:-20}"
worker_counts="${BENCH_WORKERS:-1 2 4}"
most_workers="$(printf '%s\n' $worker_counts | sort -n | tail -n 1)"
requests_per_second=1000
bench_campaign=777000 warmup_campaign=777100

# bench/run builds everything once and sets BENCH_SKIP_BUILD=1.
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  "$root/bin/mvn" -B -q -pl common,worker-phase2 -am install -DskipTests
  "$root/bin/mvn" -B -q -pl worker-phase2 test-compile
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/phase2-scaling.XXXXXX")"
fake_pid=""
worker_pids=()
stop_workers() {
  if [ "${#worker_pids[@]}" -gt 0 ]; then
    kill "${worker_pids[@]}" 2>/dev/null || true
    wait "${worker_pids[@]}" 2>/dev/null || true
  fi
  worker_pids=()
}
# Peak resident memory (VmHWM, the kernel's high-water mark of the process's RSS) of each worker, read just before
# it is stopped; also appended to BENCH_SUMMARY as "rss_kib.phase2.<workers in the run>.<worker>" for bench/run.
report_peak_rss() {
  local figures=() i=0 pid kib
  for pid in "${worker_pids[@]}"; do
    i=$((i + 1))
    kib="$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)"
    [ -n "$kib" ] || kib=0
    figures+=("$((kib / 1024)) MiB")
    if [ -n "${BENCH_SUMMARY:-}" ]; then echo "rss_kib.phase2.$1.$i $kib" >>"$BENCH_SUMMARY"; fi
  done
  echo "phase2-scaling: $1 worker(s), peak RSS (VmHWM) of each: $(IFS=,; echo "${figures[*]}" | sed 's/,/, /g')" >&2
}
cleanup() {
  stop_workers
  if [ -n "$fake_pid" ]; then kill "$fake_pid" 2>/dev/null || true; wait "$fake_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
"$root/bin/mvn" -B -q -pl worker-phase2 dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath" >/dev/null
classpath="worker-phase2/target/test-classes:worker-phase2/target/classes:$(cat "$work/classpath")"
# Named, because common's test-jar has a logback-test.xml too (logback would print a page about the duplicate).
java_options=(-Dlogback.configurationFile=worker-phase2/target/test-classes/logback-test.xml
  -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true "-Dbench.clockTicks=$(getconf CLK_TCK)")
driver() {
  "$JAVA_HOME/bin/java" -Xmx256m "${java_options[@]}" -cp "$classpath" \
    org.creatorarchiver.phase2.bench.Phase2ScalingBench "$@"
}

cat >"$work/settings.json" <<EOF
{"media": {"patreon": {"videos": {"download": false}, "audios": {"download": false},
                       "attachments": {"download": false}}},
 "scraping": {"requests_per_second": $requests_per_second}}
EOF

"$JAVA_HOME/bin/java" "${java_options[@]}" -cp "$classpath" org.creatorarchiver.testing.patreon.FakePatreonServer 0 \
  "benchcreator:$bench_campaign:777001:$posts" "warmup:$warmup_campaign:777101:$((warmup_per_worker * most_workers))" \
  --latency-ms "$latency_ms" 2>"$work/fake.log" &
fake_pid=$!
fake_url=""
for _ in $(seq 1 100); do
  fake_url="$(sed -n 's|^fake Patreon on \(http://[0-9.:]*\)/\{0,1\}$|\1|p' "$work/fake.log")"
  [ -n "$fake_url" ] && break
  kill -0 "$fake_pid" 2>/dev/null || { echo "phase2-scaling: the fake Patreon exited:" >&2; cat "$work/fake.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$fake_url" ] || { echo "phase2-scaling: the fake Patreon did not start within 10 s" >&2; exit 1; }

echo "phase 2 scaling: $posts posts of one creator, fake Patreon (a separate process) with $latency_ms ms latency per" \
  "request, worker processes with WORKER_CONCURRENCY=1, after a warm-up of $warmup_per_worker posts per worker (the JIT; an archive run processes thousands)"
echo "settings file: Patreon video/audio/attachment downloads off (images URL-only and YouTube embed-only by default):" \
  "the phase2 queue only, no media jobs; scraping.requests_per_second raised from 2 (default) to $requests_per_second"
for workers in $worker_counts; do
  driver reset "$fake_url" "$bench_campaign" "$warmup_campaign"
  for i in $(seq 1 "$workers"); do
    env WORKER_CONCURRENCY=1 PATREON_BASE_URL="$fake_url" ARCHIVER_SETTINGS="$work/settings.json" \
      MEDIA_DIR="$work/media" "$JAVA_HOME/bin/java" -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true \
      ${ARCHIVER_JAVA_OPTS:-} -jar worker-phase2/target/worker-phase2.jar >"$work/worker-$workers-$i.log" 2>&1 &
    worker_pids+=($!)
  done
  if ! driver measure "$work/results" "$((warmup_per_worker * workers))" "$fake_pid" "${worker_pids[@]}"; then
    echo "phase2-scaling: the run with $workers worker(s) failed; the end of the first worker's log:" >&2
    tail -n 20 "$work/worker-$workers-1.log" >&2
    exit 1
  fi
  report_peak_rss "$workers"
  stop_workers
done
driver report "$work/results"
