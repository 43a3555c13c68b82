#!/usr/bin/env bash
# Peak resident memory (VmHWM) of each kind of process in a short whole-system run: the fake Patreon (a separate
# process, 20 ms latency), the orchestrator (`serve`) and one worker of each phase, from their jars as users run them
# (bin/archiver), archive one generated creator of BENCH_RSS_POSTS posts of every kind (200 by default; see
# FakeCreator.addPostsOfEveryKind). Each process's VmHWM is read from /proc/<pid>/status once every queue is empty,
# just before it is stopped. Everything the settings allow is downloaded: images, audio and attachments from the
# fake's CDN, Patreon (Mux HLS) and YouTube videos with subtitles through yt-dlp from the fake's video site (made with
# ffmpeg), so the media queue runs too (yt-dlp's own memory is a child process's, not counted). Then the same creator
# is archived again from an emptied database by the whole system in one process (`./archiver run`, the all-in-one
# jar; target: <= 600 MiB), and its peak RSS is printed next to the four processes' sum. Prints one line per process;
# with BENCH_SUMMARY set, appends "rss_kib.<process> <KiB>" lines (and rss_kib.four_processes, rss_kib.all-in-one).
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
  "$root/bin/mvn" -B -q -DskipTests package
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
fake_classpath="common/target/test-classes:common/target/classes:$(cat common/target/test-classpath.txt)"

# The same database and Redis db as the other benches: emptied first, as they do (and again between the two runs).
db_name="${DATABASE_URL##*/}" db_name="${db_name%%\?*}"
empty_archive() {
  PGPASSWORD="$DATABASE_PASSWORD" psql -q -h 127.0.0.1 -U "$DATABASE_USER" -d "$db_name" \
    -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null 2>&1
  redis-cli -u "$REDIS_URL" FLUSHDB >/dev/null
  rm -rf "$MEDIA_DIR" && mkdir -p "$MEDIA_DIR"
}
empty_archive
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
await_api() {
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$api_port/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "worker-rss: the API did not answer within 60 s:" >&2; tail -n 20 "$work/$1.log" >&2; exit 1
}
await_api orchestrator

sql() { PGPASSWORD="$DATABASE_PASSWORD" psql -h 127.0.0.1 -U "$DATABASE_USER" -d "$db_name" -Atc "$1"; }
# Done when no job is ready, delayed or running twice in a row and phase 1 stored the posts.
await_archived() {
  local idle_rounds=0 waiting stored
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
      echo "worker-rss: still busy after 5 minutes ($waiting jobs waiting or running); the logs:" >&2
      tail -n 5 "$work"/*.log >&2
      exit 1
    fi
    sleep 1
  done
}
archived() {
  echo "$(sql "SELECT count(*) FILTER (WHERE status = 'completed') || ' of ' || count(*) FROM posts") posts completed," \
    "$(sql "SELECT count(*) FROM media_files") files downloaded, $(sql "SELECT count(*) FROM collections") collections"
}
# peak_kib INDEX: VmHWM of the process started INDEX-th, or exits naming it when it is gone.
peak_kib() {
  local kib
  kib="$(awk '/^VmHWM:/ {print $2}' "/proc/${pids[$1]}/status" 2>/dev/null || true)"
  [ -n "$kib" ] || { echo "worker-rss: ${names[$1]} (pid ${pids[$1]}) is gone; its log:" >&2; tail -n 20 "$work/${names[$1]}.log" >&2; exit 1; }
  echo "$kib"
}

started=$(date +%s)
"$root/bin/archiver" orchestrator enqueue rsscreator >/dev/null 2>&1 || {
  echo "worker-rss: enqueue failed" >&2; exit 1; }
await_archived
elapsed=$(($(date +%s) - started))

echo "worker rss: one creator ($(archived)) in ${elapsed} s by one process of each kind;" \
  "peak RSS (VmHWM) read just before each is stopped"
four_kib=0
for i in "${!pids[@]}"; do
  kib="$(peak_kib "$i")"
  printf '%-14s %6d MiB\n' "${names[$i]}" "$((kib / 1024))"
  [ "${names[$i]}" = fake-patreon ] || four_kib=$((four_kib + kib))
  if [ -n "${BENCH_SUMMARY:-}" ]; then echo "rss_kib.${names[$i]} $kib" >>"$BENCH_SUMMARY"; fi
done
dead=$(redis-cli -u "$REDIS_URL" --scan --pattern 'archiver:dead:*' | wc -l)
[ "$dead" = 0 ] || echo "worker-rss: note: $dead dead-letter queue(s) hold jobs (see ./archiver status)" >&2

# The same creator again, from an empty archive, by the whole system in one process.
for i in "${!pids[@]}"; do
  [ "${names[$i]}" = fake-patreon ] || kill "${pids[$i]}"
done
for i in "${!pids[@]}"; do
  [ "${names[$i]}" = fake-patreon ] || wait "${pids[$i]}" 2>/dev/null || true
done
empty_archive
started=$(date +%s)
start all-in-one "$root/bin/archiver" all-in-one --port "$api_port" rsscreator
await_api all-in-one
await_archived
elapsed=$(($(date +%s) - started))
one_kib="$(peak_kib $((${#pids[@]} - 1)))"
echo "worker rss: the same creator ($(archived)) in ${elapsed} s by the whole system in one process (./archiver run)"
printf '%-34s %6d MiB\n' "orchestrator + 3 workers (4 JVMs)" "$((four_kib / 1024))" "all-in-one (./archiver run, 1 JVM)" "$((one_kib / 1024))"
if [ -n "${BENCH_SUMMARY:-}" ]; then
  printf 'rss_kib.four_processes %s\nrss_kib.all-in-one %s\n' "$four_kib" "$one_kib" >>"$BENCH_SUMMARY"
fi
