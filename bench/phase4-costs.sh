#!/usr/bin/env bash
# What phase 4 pays for the demo creator: `./archiver demo` (bin/demo: the fake Patreon's "skyforge", 70 posts of
# every kind, the real jars of the orchestrator and the four workers, transcripts and summaries on against the fake
# OpenAI-compatible APIs) runs to the end, then the archive's own tables (paid_calls, transcripts, videos,
# video_subtitles) give:
#   - paid transcription calls per distinct stored file transcribed by the API (target: exactly 1 for every file; the
#     demo's recordings are all shorter than one 600 s chunk, so a second call would be paying twice);
#   - paid transcription calls for the videos whose captions exist (target: 0: captions are free);
#   - transcripts of videos over the duration limit (target: 0);
#   - the creator's cost as an invoice: audio minutes x price per minute, input tokens x price per million, output
#     tokens x price per million (the default prices: whisper-1 and deepseek-chat), the total next to what the system
#     recorded (target: equal to the cent's ten-thousandth), and today's spending against the daily budget
#     (`./archiver costs --json`; BENCH_BUDGET_USD, 1.00 by default, is the demo's budget.daily_usd).
# Uses the database archiver_bench (emptied) and Redis db 14 (flushed); BENCH_DATABASE_URL / BENCH_REDIS_URL choose
# others. BENCH_POSTS (70) sets the creator's posts. Ports 18290-18292. With BENCH_SUMMARY set, appends
# "phase4.<figure> <value>" lines for bench/run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=bench-env.sh
. "$root/bench/bench-env.sh"
db_name="$(basename "${DATABASE_URL%%\?*}")"
redis_db="${REDIS_URL##*/}"
budget_usd="${BENCH_BUDGET_USD:-1.00}"
# The defaults of transcription.price_per_minute, summary.price_per_million_input and _output (the demo's settings).
price_minute=0.006 price_input=0.28 price_output=0.42
work="$(mktemp -d "${TMPDIR:-/tmp}/phase4-costs.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# bench/run builds everything once and sets BENCH_SKIP_BUILD=1; bin/demo builds the jars itself when stale.
started=$(date +%s)
if ! DEMO_DIR="$work/demo" DEMO_DB_NAME="$db_name" DEMO_REDIS_DB="$redis_db" DEMO_POSTS="${BENCH_POSTS:-70}" \
    DEMO_FAKE_PORT=18290 DEMO_API_PORT=18291 DEMO_OPENAI_PORT=18292 DEMO_DAILY_BUDGET_USD="$budget_usd" \
    "$root/bin/demo" >"$work/demo.out" 2>"$work/demo.err"; then
  tail -n 20 "$work/demo.err" >&2
  echo "phase4-costs: the demo failed (its logs were in $work/demo/log)" >&2
  exit 1
fi
echo "phase4-costs: the demo archived the creator in $(($(date +%s) - started)) s; its summary:"
sed -n '/^Archived creator/,/^  cost:/p' "$work/demo.out"

sql() { PGPASSWORD="$DATABASE_PASSWORD" psql -h 127.0.0.1 -U "$DATABASE_USER" -d "$db_name" -Atc "$1"; }
# Per content transcribed by the API (a stored file, or a YouTube id without captions): its paid transcription calls.
read -r api_files min_calls max_calls files_not_once < <(sql "
  SELECT count(*), coalesce(min(calls), 0), coalesce(max(calls), 0), count(*) FILTER (WHERE calls <> 1)
  FROM (SELECT t.id, count(p.id) AS calls FROM transcripts t
        LEFT JOIN paid_calls p ON p.transcript_id = t.id AND p.kind = 'transcription'
        WHERE t.source = 'whisper' GROUP BY t.id) per_file" | tr '|' ' ')
# The videos whose captions are stored, their contents (YouTube id or file), and what transcribing them cost.
captioned="SELECT DISTINCT t.id, t.source FROM videos v JOIN transcripts t
  ON (v.provider = 'youtube' AND t.youtube_id = v.external_id) OR t.media_file_id = v.media_file_id
  WHERE EXISTS (SELECT 1 FROM video_subtitles s WHERE s.video_id = v.id)"
read -r captioned_contents from_captions caption_calls < <(sql "
  SELECT count(*), count(*) FILTER (WHERE c.source = 'captions'),
         (SELECT count(*) FROM paid_calls p WHERE p.kind = 'transcription' AND p.transcript_id IN (SELECT id FROM ($captioned) x))
  FROM ($captioned) c" | tr '|' ' ')
captioned_videos=$(sql "SELECT count(*) FROM videos v WHERE EXISTS (SELECT 1 FROM video_subtitles s WHERE s.video_id = v.id)")
over_limit_transcripts=$(sql "SELECT count(t.id) FROM videos v JOIN transcripts t
  ON (v.provider = 'youtube' AND t.youtube_id = v.external_id) OR t.media_file_id = v.media_file_id
  WHERE v.status = 'skipped'")
read -r audio_minutes input_tokens output_tokens recorded_usd transcription_calls summary_calls < <(sql "
  SELECT round(coalesce(sum(audio_seconds), 0)::numeric / 60, 4), coalesce(sum(input_tokens), 0),
         coalesce(sum(output_tokens), 0), coalesce(sum(coalesce(cost_usd, estimated_usd)), 0),
         count(*) FILTER (WHERE kind = 'transcription'), count(*) FILTER (WHERE kind = 'summary')
  FROM paid_calls" | tr '|' ' ')
costs_json="$(ARCHIVER_SETTINGS="$work/demo/settings.json" "$root/bin/archiver" orchestrator costs --json 2>/dev/null)"
read -r today_usd budget budget_reached < <(python3 -c '
import json, sys
c = json.loads(sys.argv[1])
b = c["daily_budget_usd"]
print("%.6f" % c["today_usd"], "none" if b is None else "%.2f" % b, str(c["budget_reached"]).lower())' "$costs_json")

# verdict <ok?>: met / MISSED, as the other benches print it.
verdict() { if [ "$1" = 1 ]; then echo met; else echo MISSED; fi; }
is() { awk "BEGIN {exit !($1)}" && echo 1 || echo 0; }
echo
echo "Paid calls"
printf '  transcribed by the API: %s file(s); paid transcription calls per file: min %s, max %s -> %s\n' \
  "$api_files" "$min_calls" "$max_calls" "$(verdict "$(is "$api_files > 0 && $files_not_once == 0")")"
printf '  videos with captions: %s (%s content(s), %s transcribed from captions); paid transcription calls: %s -> %s\n' \
  "$captioned_videos" "$captioned_contents" "$from_captions" "$caption_calls" \
  "$(verdict "$(is "$captioned_contents > 0 && $caption_calls == 0 && $from_captions == $captioned_contents")")"
printf '  videos over the duration limit with a transcript: %s -> %s\n' "$over_limit_transcripts" \
  "$(verdict "$(is "$over_limit_transcripts == 0")")"
echo
echo "Invoice for creator 'skyforge' ($transcription_calls transcription call(s), $summary_calls summary call(s))"
awk -v m="$audio_minutes" -v i="$input_tokens" -v o="$output_tokens" -v pm="$price_minute" -v pi="$price_input" \
  -v po="$price_output" 'BEGIN {
  printf "  transcription  %12.4f min    x $%.4f / min  = $%10.6f\n", m, pm, m * pm
  printf "  input tokens   %12d        x $%.2f / 1M     = $%10.6f\n", i, pi, i * pi / 1e6
  printf "  output tokens  %12d        x $%.2f / 1M     = $%10.6f\n", o, po, o * po / 1e6 }'
invoice_total=$(awk -v m="$audio_minutes" -v i="$input_tokens" -v o="$output_tokens" -v pm="$price_minute" \
  -v pi="$price_input" -v po="$price_output" 'BEGIN {printf "%.6f", m * pm + (i * pi + o * po) / 1e6}')
printf '  %-51s = $%10.6f\n' "total" "$invoice_total"
# Each call's cost is rounded to the micro-dollar when recorded: up to half a micro-dollar per call either way.
tolerance=$(awk -v n="$((transcription_calls + summary_calls))" 'BEGIN {printf "%.6f", 0.0000005 * n + 0.0000001}')
printf '  %-51s = $%10.6f -> %s\n' "recorded (paid_calls, each call rounded)" "$recorded_usd" \
  "$(verdict "$(is "($invoice_total - $recorded_usd) <= $tolerance && ($recorded_usd - $invoice_total) <= $tolerance")")"
printf '  today (UTC) $%s of a daily budget of $%s (budget reached: %s)\n' "$today_usd" "$budget" "$budget_reached"

if [ -n "${BENCH_SUMMARY:-}" ]; then
  {
    echo "phase4.api_files $api_files"
    echo "phase4.calls_per_file_min $min_calls"
    echo "phase4.calls_per_file_max $max_calls"
    echo "phase4.files_not_once $files_not_once"
    echo "phase4.captioned_contents $captioned_contents"
    echo "phase4.caption_paid_calls $caption_calls"
    echo "phase4.over_limit_transcripts $over_limit_transcripts"
    echo "phase4.audio_minutes $audio_minutes"
    echo "phase4.input_tokens $input_tokens"
    echo "phase4.output_tokens $output_tokens"
    echo "phase4.invoice_usd $invoice_total"
    echo "phase4.recorded_usd $recorded_usd"
    echo "phase4.today_usd $today_usd"
  } >>"$BENCH_SUMMARY"
fi
