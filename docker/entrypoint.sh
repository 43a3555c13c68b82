#!/bin/sh
# The image's entry point: runs one creator-archiver process from its jar in ARCHIVER_APP_DIR (default /app).
#   archiver <process> [arguments...]     process: orchestrator, worker-phase1, worker-phase2, worker-phase3,
#                                         worker-phase4, all-in-one
# exec, so that the JVM gets SIGTERM directly and workers can drain before they stop.
set -eu

app_dir="${ARCHIVER_APP_DIR:-/app}"
processes="orchestrator worker-phase1 worker-phase2 worker-phase3 worker-phase4 all-in-one"

usage() {
  cat <<USAGE
creator-archiver: archives Patreon creators into PostgreSQL and a content-addressed media store.

Usage: archiver <process> [arguments...]

Processes (one image, one jar each in $app_dir):
  orchestrator     CLI and HTTP API: enqueue, status, reconcile, retry-dead, skipped, process-anyway, serve
  worker-phase1    creator -> posts (runs until SIGTERM)
  worker-phase2    post -> details and media downloads (runs until SIGTERM)
  worker-phase3    creator -> collections (runs until SIGTERM)
  worker-phase4    kept videos and audio -> transcripts and summaries, when enabled (runs until SIGTERM)
  all-in-one       serve and one worker of each phase in one JVM, for a small server: [CREATOR...] (runs until SIGTERM)

Examples:
  archiver orchestrator --help
  archiver orchestrator serve --port 8080
  archiver worker-phase2

Environment: DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, REDIS_URL, MEDIA_DIR, PATREON_SESSION_ID,
MAX_VIDEO_DURATION_SECONDS, ARCHIVER_SETTINGS, TRANSCRIPTION_API_KEY, SUMMARY_API_KEY, JAVA_OPTS (JVM options).
USAGE
}

process="${1:-help}"
case "$process" in
  help | -h | --help)
    usage
    exit 0
    ;;
  orchestrator | worker-phase1 | worker-phase2 | worker-phase3 | worker-phase4 | all-in-one)
    shift
    jar="$app_dir/$process.jar"
    if [ ! -f "$jar" ]; then
      echo "archiver: $jar is missing: the image was built without the $process jar" >&2
      exit 1
    fi
    # JAVA_OPTS is split into words on purpose: it holds several JVM options.
    # shellcheck disable=SC2086
    exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
    ;;
  *)
    echo "archiver: unknown process '$process' (one of: $processes; 'archiver help' explains)" >&2
    exit 2
    ;;
esac
