#!/usr/bin/env bash
# Media download speed: a 1 GiB file served over HTTP on 127.0.0.1 (streamed from disk by a small JDK HttpServer in
# its own JVM), downloaded through phase 2's real path (DirectDownload on the media client, SHA-256 while streaming
# to MEDIA_DIR/tmp, MediaStore.store renaming it into MEDIA_DIR/sha256/ with its media_files row), next to
# `curl -o /dev/null` of the same URL and `sha256sum` of the same file in the same run; prints MiB/s and the ratio to
# the slower of the two (target >= 80 %). The download runs in a JVM with -Xmx64m (BENCH_XMX) and reports the heap
# it used, for the "a 1 GiB download keeps the heap growth under 64 MiB" requirement.
# The file and the media dir share one temp dir (BENCH_TMPDIR, default TMPDIR or /tmp), so one disk; all of it is
# deleted at the end. Uses the database archiver_bench (created if missing, emptied) and Redis db 14;
# BENCH_DATABASE_URL / BENCH_REDIS_URL choose others. BENCH_SIZE (head -c syntax, default 1G), BENCH_RUNS (5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=bench-env.sh
. "$root/bench/bench-env.sh"
for tool in curl sha256sum; do
  command -v "$tool" >/dev/null || { echo "media-download: $tool is needed on PATH" >&2; exit 1; }
done

# bench/run builds everything once and sets BENCH_SKIP_BUILD=1.
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  "$root/bin/mvn" -B -q -pl common,worker-phase2 -am install -DskipTests
  "$root/bin/mvn" -B -q -pl worker-phase2 test-compile
fi
work="$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/media-download.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
"$root/bin/mvn" -B -q -pl worker-phase2 dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath" >/dev/null
classpath="worker-phase2/target/test-classes:worker-phase2/target/classes:$(cat "$work/classpath")"
# Named, because common's test-jar has a logback-test.xml too (logback would print a page about the duplicate).
java_options=(-Dlogback.configurationFile=worker-phase2/target/test-classes/logback-test.xml
  -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true)

mkdir -p "$work/served" "$work/media"
head -c "${BENCH_SIZE:-1G}" /dev/urandom >"$work/served/big.bin"
"$JAVA_HOME/bin/java" -Xmx64m "${java_options[@]}" -cp "$classpath" org.creatorarchiver.phase2.bench.LocalFileServer \
  "$work/served" "$work/port" &
server_pid=$!
for _ in $(seq 1 100); do
  [ -f "$work/port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "media-download: the file server exited" >&2; exit 1; }
  sleep 0.1
done
[ -f "$work/port" ] || { echo "media-download: the file server did not start within 10 s" >&2; exit 1; }

"$JAVA_HOME/bin/java" "-Xmx${BENCH_XMX:-64m}" -Dbench.runs="${BENCH_RUNS:-5}" "${java_options[@]}" -cp "$classpath" org.creatorarchiver.phase2.bench.MediaDownloadBench \
  "$work/served/big.bin" "http://127.0.0.1:$(cat "$work/port")/big.bin" "$work/media"
