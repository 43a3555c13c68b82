#!/usr/bin/env bash
# Peak resident memory (VmHWM) of each kind of process in a short whole-system run: the fake Patreon (a separate
# process, 20 ms latency), the orchestrator (`serve`) and one worker of each phase, from their jars as users run them
# (bin/archiver), archive one generated creator of BENCH_RSS_POSTS posts of every kind (200 by default; see
# FakeCreator.addPostsOfEveryKind). Each process's VmHWM is read from /proc/<pid>/status once every queue is empty,
# just before it is stopped. Everything the settings allow is downloaded: images, audio and attachments from the
# fake's CDN, Patreon (Mux HLS) and YouTube videos with subtitles through yt-dlp from the fake's video site (made with
# ffmpeg), so the media queue runs too (yt-dlp's own memory is a child process's, not counted). Prints one line per process; with BENCH_SUMMARY set, appends "rss_kib.<process> <KiB>" lines.
# Uses the database archiver_bench (created if missing, emptied) and Redis db 14 (flushed); BENCH_DATABASE_URL /
# BENCH_REDIS_URL choose others (the Redis URL must name its db: redis-cli flushes it). Every process started here is
# stopped on exit, failure included.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=bench-env.sh
. "$root/bench/bench-env.sh"
export PATREON_SESSION_ID="bench-session" LOG_LEVEL="${LOG_LEVEL:-WARN}"
posts="${BENCH_RSS_POSTS:-200}"
fake_port="${BENCH_FAKE_PORT:-18190}" api_port="${BENCH_API_PORT:-18191}"
export PATREON_BASE_URL="http://127.0.0.1:$fake_port"

# bench/run builds everything once and sets BENCH_SKIP_BUILD=1.
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  "$root/bin/mvn" -B -q -DskipTests install
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/worker-rss.XXXXXX")"
export MEDIA_DIR="$work/media" ARCHIVER_SETTINGS="$work/settings.json"
names=() pids=()
stop_all() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
cleanup() {
  stop_all
  rm -rf "$work"
}
trap cleanup EXIT
"$root/bin/mvn" -B -q -pl common dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath" >/dev/null
fake_classpath="common/target/test-classes:common/target/classes:$(cat "$work/classpath")"

# The same database and Redis db as the other benches: emptied first, as they do.
db_name="${DATABASE_URL##*/}" db_name="${db_name%%\?*}"
PGPASSWORD="$DATABASE_PASSWORD" psql -q -h 127.0.0.1 -U "$DATABASE_USER" -d "$db_name" \
  -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null 2>&1
redis-cli -u "$REDIS_URL" FLUSHDB >/dev/null
mkdir -p "$MEDIA_DIR"
cat >"$ARCHIVER_SETTINGS" <<'EOF'
{"media": {"images": {"download": true}, "youtube": {"mode": "download"}},
 "scraping": {"requests_per_second": 200}}
EOF

start() {
  local name="$1"
  shift
  "$@" >"$work/$name.log" 2>&1 &
  names+=("$name") pids+=($!)
}
start fake-patreon "$JAVA_HOME/bin/java" -cp "$fake_classpath" org.creatorarchiver.testing.patreon.FakePatreonServer \
  "$fake_port" --latency-ms 20 --video-dir "$work/videos" --every-kind "rsscreator:778000:778001:$posts"
start orchestrator "$root/bin/archiver" orchestrator serve --port "$api_port"
for worker in worker-phase1 worker-phase2 worker-phase3; do
  start "$worker" "$root/bin/archiver" "$worker"
done
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$api_port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$api_port/health" >/dev/null || {
  echo "worker-rss: the orchestrator did not answer within 60 s:" >&2; tail -n 20 "$work/orchestrator.log" >&2; exit 1; }

started=$(date +%s)
"$root/bin/archiver" orchestrator enqueue rsscreator >/dev/null 2>&1 || {
  echo "worker-rss: enqueue failed" >&2; exit 1; }
sql() { PGPASSWORD="$DATABASE_PASSWORD" psql -h 127.0.0.1 -U "$DATABASE_USER" -d "$db_name" -Atc "$1"; }
# Done when no job is ready, delayed or running twice in a row and phase 1 stored the posts.
idle_rounds=0
while :; do
  waiting=$(curl -fsS "http://127.0.0.1:$api_port/api/v1/queues" | python3 -c '
import json, sys
q = json.load(sys.stdin)["queues"]
print(sum(v["ready"] + v["delayed"] + v["processing"] for v in q.values()))')
  stored=$(sql "SELECT count(*) FROM posts")
  if [ "$waiting" = 0 ] && [ "$stored" -gt 0 ]; then
    idle_rounds=$((idle_rounds + 1))
    [ "$idle_rounds" -ge 2 ] && break
  else
    idle_rounds=0
  fi
  if [ $(($(date +%s) - started)) -gt 300 ]; then
    echo "worker-rss: still busy after 5 minutes ($waiting jobs waiting or running); the workers' logs:" >&2
    tail -n 5 "$work"/worker-*.log >&2
    exit 1
  fi
  sleep 1
done
elapsed=$(($(date +%s) - started))

echo "worker rss: one creator ($(sql "SELECT count(*) FILTER (WHERE status = 'completed') || ' of ' || count(*) FROM posts") posts completed," \
  "$(sql "SELECT count(*) FROM media_files") files downloaded, $(sql "SELECT count(*) FROM collections") collections) in ${elapsed} s" \
  "by one process of each kind; peak RSS (VmHWM) read just before each is stopped"
for i in "${!pids[@]}"; do
  kib="$(awk '/^VmHWM:/ {print $2}' "/proc/${pids[$i]}/status" 2>/dev/null || true)"
  [ -n "$kib" ] || { echo "worker-rss: ${names[$i]} (pid ${pids[$i]}) is gone; its log:" >&2; tail -n 20 "$work/${names[$i]}.log" >&2; exit 1; }
  printf '%-14s %6d MiB\n' "${names[$i]}" "$((kib / 1024))"
  if [ -n "${BENCH_SUMMARY:-}" ]; then echo "rss_kib.${names[$i]} $kib" >>"$BENCH_SUMMARY"; fi
done
dead=$(redis-cli -u "$REDIS_URL" --scan --pattern 'archiver:dead:*' | wc -l)
[ "$dead" = 0 ] || echo "worker-rss: note: $dead dead-letter queue(s) hold jobs (see ./archiver status)" >&2
