#!/usr/bin/env bash
# Audio preparation speed for phase 4's transcription: a 1-hour video (a 160x90 H.264 picture and a 44.1 kHz stereo
# AAC track of speech-like noise: bursts with a 0.8 s pause every 7 s and a 2 s one every 61 s, the kind of input a
# downloaded video is), generated once with ffmpeg before the timing, then phase 4's own path: AudioPreparation.prepare
# (one ffmpeg run to mono 16 kHz MP3 finding the silences), ChunkPlan (600 s chunks) and AudioChunks.cut of every
# chunk, timed from the stored file to the last chunk file and printed as multiples of real time (target >= 100x on
# 2 cores), median of BENCH_AUDIO_RUNS (3), with the CPU time ffmpeg used. BENCH_AUDIO_SECONDS (3600) sets the
# length; BENCH_AUDIO_INPUT=FILE times that file instead. Needs no database or Redis. With BENCH_SUMMARY set, appends
# "audio.<figure> <value>" lines for bench/run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=../bin/jdk.sh
. "$root/bin/jdk.sh"
ffmpeg="${FFMPEG_PATH:-ffmpeg}"
command -v "$ffmpeg" >/dev/null || { echo "audio-prep: ffmpeg is needed (FFMPEG_PATH or PATH)" >&2; exit 1; }

# bench/run builds everything once and sets BENCH_SKIP_BUILD=1.
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  "$root/bin/mvn" -B -q -pl common,worker-phase4 -am install -DskipTests
fi
work="$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/audio-prep.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$root/bin/mvn" -B -q -pl worker-phase4 dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath" >/dev/null
classpath="worker-phase4/target/test-classes:worker-phase4/target/classes:$(cat "$work/classpath")"

input="${BENCH_AUDIO_INPUT:-}"
if [ -z "$input" ]; then
  seconds="${BENCH_AUDIO_SECONDS:-3600}"
  input="$work/talk.mp4"
  started=$(date +%s)
  # Syllable-like bursts (pink noise at 4 Hz), silent in the last 0.8 s of every 7 s and the last 2 s of every 61 s.
  speech="volume='if(lt(mod(t,7),6.2)*lt(mod(t,61),59),0.6+0.4*sin(2*PI*4*t),0)':eval=frame"
  "$ffmpeg" -nostdin -v error -y \
    -f lavfi -i "anoisesrc=r=44100:c=pink:a=0.5:d=$seconds" \
    -f lavfi -i "testsrc2=s=160x90:r=5:d=$seconds" \
    -filter_complex "[0:a]$speech,aformat=channel_layouts=stereo[a]" -map 1:v -map "[a]" \
    -c:v libx264 -preset ultrafast -c:a aac -b:a 128k -movflags +faststart "$input"
  echo "audio-prep: generated $(basename "$input") ($(du -m "$input" | cut -f 1) MiB, $seconds s) in $(($(date +%s) - started)) s (not timed)"
fi
"$JAVA_HOME/bin/java" -Dbench.runs="${BENCH_AUDIO_RUNS:-3}" -cp "$classpath" \
  org.creatorarchiver.phase4.bench.AudioPrepBench "$input" "$work/prepared"
