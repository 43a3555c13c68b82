#!/usr/bin/env bash
# The dashboard's response times with a realistic archive: the p50, p95 and max time of each page of `orchestrator
# serve` (the real orchestrator/target/orchestrator.jar) with 10,000 posts, 2,000 videos and 500 transcripts in the
# database. Target: p95 < 300 ms on every page.
# The archive is made with plain SQL (generate_series; about 30 s on 2 busy cores, the post_search trigger included):
# 5 creators with 5000, 2500, 1500, 700 and 300 posts (the biggest has 167 pages of 30); titles and 4 paragraphs
# (about 1 KB) of English and Spanish words spread like real text (45 % stop words, 15 common words each in about half
# the posts, 180 ordinary ones each in about 1 post in 8, 4096 made-up ones each in about 1 %) plus one made-up name
# per post shared by about 3 posts; published over 7 years (1 % undated); 96 % completed.
# 0 to 3 images per post kept as URLs, a downloaded audio in every 7th post, an attachment in every 11th; one video in
# every 5th post (50 % Patreon, 40 % YouTube, 10 % Vimeo; downloaded, embedded, failed, queued, and 300 skipped for
# their duration with the skip keys VideoMetadata writes), subtitles of the downloaded YouTube videos, 500 completed
# transcripts (250 of video files, 150 of YouTube ids, 100 of audio files; 20 to 40 segments each) and 40 pending,
# 400 summaries, the paid calls behind them, 3 collections per creator, and 150 dead jobs in Redis. The files
# themselves are not written (no page reads them). Then VACUUM ANALYZE, as autovacuum would have done.
# `serve` is started on a free port (BENCH_DASHBOARD_PORT chooses one); each page is requested
# BENCH_DASHBOARD_WARMUP (20) times to warm the JIT up, then BENCH_DASHBOARD_REQUESTS (100) times, one after the
# other over one keep-alive connection (curl's %{time_total}: from sending the request to the answer's last byte).
# The post page cycles through 100 posts (with transcribed videos and summaries, YouTube subtitles, transcribed audio,
# skipped or embedded videos, no video); the creator's list on page 1, page 100, and searched for an ordinary word and
# for a common one; /search for a common word, two words, a phrase and a made-up name (each a row). Prints a table
# page -> p50, p95, max (ms), and the target line. Then EXPLAIN (ANALYZE) of the queries behind the pages (the SQL
# jOOQ sends, written out here with this archive's values; the search's is read from SearchSql.java): one line each
# with its time, the indexes the plan uses and any sequential scan; BENCH_DASHBOARD_PLANS=1 prints the whole plans.
# Uses the database archiver_bench (emptied) and Redis db 14 (flushed); BENCH_DATABASE_URL / BENCH_REDIS_URL choose
# others. With BENCH_SUMMARY set, appends "dashboard.<page>.p50_ms / .p95_ms / .max_ms" lines (page names with
# underscores), dashboard.worst_p95_ms, dashboard.worst_page and dashboard.pages_missed. Takes about 2 minutes.
# Every process started here is stopped on exit, failure included.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=bench-env.sh
. "$root/bench/bench-env.sh"
requests="${BENCH_DASHBOARD_REQUESTS:-100}"
warmup="${BENCH_DASHBOARD_WARMUP:-20}"
target_ms=300

# bench/run builds everything once and sets BENCH_SKIP_BUILD=1.
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  "$root/bin/mvn" -B -q install -N -DskipTests
  "$root/bin/mvn" -B -q package -DskipTests -pl common,orchestrator -am
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/dashboard.XXXXXX")"
serve_pid=""
cleanup() {
  if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export MEDIA_DIR="$work/media" LOG_LEVEL="${LOG_LEVEL:-WARN}"
mkdir -p "$MEDIA_DIR"
db_name="${DATABASE_URL##*/}" db_name="${db_name%%\?*}"
psql_bench() { PGPASSWORD="$DATABASE_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "$DATABASE_USER" -d "$db_name" "$@"; }
sql() { psql_bench -Atc "$1"; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

# Emptied as the other benches do it; `serve` migrates the empty schema when it starts.
psql_bench -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null 2>&1
redis-cli -u "$REDIS_URL" FLUSHDB >/dev/null
port="${BENCH_DASHBOARD_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18195)}"
base="http://127.0.0.1:$port"
"$JAVA_HOME/bin/java" -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true ${ARCHIVER_JAVA_OPTS:-} \
  -jar orchestrator/target/orchestrator.jar serve --port "$port" >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  kill -0 "$serve_pid" 2>/dev/null || { echo "dashboard: serve exited:" >&2; tail -n 30 "$work/serve.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$base/health" >/dev/null 2>&1 || { echo "dashboard: serve did not answer within 60 s" >&2; tail -n 30 "$work/serve.log" >&2; exit 1; }

start=$(date +%s%N)
cat >"$work/fill.sql" <<'SQL'
SELECT setseed(0.42);
-- Words with the spread of real text: 45 % stop words (English and Spanish), 8 % from 15 common words (each in about
-- half the posts), 22 % from 180 ordinary ones (each in about 1 post in 8), 25 % from 4096 made-up ones (names of
-- songs, places, people; each in about 1 % of the posts).
CREATE TEMP TABLE vocabulary AS
SELECT string_to_array('the and of to a in is for on with this that it be de la que el en y los del se las por un para '
                       'con una su al lo como más', ' ') AS stop,
       string_to_array('guitar music song lesson video live episode update practice studio week part recording '
                       'canción guitarra', ' ') AS common,
       string_to_array(
 'archive piano tutorial session concert audio podcast chapter story drawing painting sketch comic animation behind '
 'scenes announcement patron reward exclusive early access release album single demo mix master tour interview '
 'question answer community poll vote monthly weekly special bonus collection series finale preview trailer draft '
 'final cover remix acoustic harmony melody rhythm chord scale technique theory exercise backstage rehearsal '
 'lyrics vocals drums bass keyboard synth sample loop beat tempo groove solo duet band orchestra score sheet '
 'tab arrangement composition improvisation jam festival stage audience microphone amplifier pedal string '
 'lección grabación directo concierto episodio capítulo historia dibujo pintura boceto animación actualización '
 'anuncio mecenas recompensa exclusivo acceso anticipado lanzamiento disco sencillo maqueta estudio gira '
 'entrevista pregunta respuesta comunidad encuesta mensual semanal especial colección serie parte avance '
 'borrador portada versión acústica ensayo técnica escala acorde ritmo melodía armonía teoría práctica '
 'canciones letra voz batería bajo teclado sintetizador muestra bucle compás tiempo solista banda orquesta '
 'partitura arreglo composición improvisación festival escenario público micrófono amplificador pedal cuerda '
 'ejercicio calentamiento afinación metrónomo púa trastes mástil', ' ') AS ordinary,
       ARRAY['ka', 'lo', 'mi', 'ra', 'tu', 'ne', 'so', 'vi', 'da', 'ren', 'pol', 'zu', 'fe', 'gan', 'bri', 'tor'] AS syllables;
CREATE FUNCTION pg_temp.words(n integer) RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT string_agg(CASE WHEN r < 0.45 THEN stop[1 + floor(r2 * array_length(stop, 1))::int]
                           WHEN r < 0.53 THEN common[1 + floor(r2 * array_length(common, 1))::int]
                           WHEN r < 0.75 THEN ordinary[1 + floor(r2 * array_length(ordinary, 1))::int]
                           ELSE syllables[1 + floor(r2 * 16)::int] || syllables[1 + floor(r3 * 16)::int]
                                || syllables[1 + floor(r4 * 16)::int] END, ' ')
      FROM (SELECT random() AS r, random() AS r2, random() AS r3, random() AS r4 FROM generate_series(1, n)) t, vocabulary
$$;

INSERT INTO sources (external_id, vanity, name, url, status, last_synced_at, collections_synced_at, max_video_duration_seconds)
SELECT (900000 + s)::text, 'benchcreator' || s, 'Bench Creator ' || s, 'https://www.patreon.com/benchcreator' || s,
       'active', now() - s * interval '1 hour', now() - s * interval '1 hour', CASE WHEN s = 3 THEN 1800 END
  FROM generate_series(1, 5) s;

-- 10,000 posts, unevenly spread (5000, 2500, 1500, 700, 300): the big creator has 167 pages of 30.
CREATE TEMP TABLE gen_posts AS
SELECT i,
       (SELECT id FROM sources ORDER BY id OFFSET (CASE WHEN i <= 5000 THEN 0 WHEN i <= 7500 THEN 1 WHEN i <= 9000 THEN 2
                                                          WHEN i <= 9700 THEN 3 ELSE 4 END) LIMIT 1) AS source_id
  FROM generate_series(1, 10000) i;
INSERT INTO posts (source_id, external_id, url, title, post_type, published_at, edited_at, content_html, content_text,
                   teaser_text, is_locked, status, attempts, last_error, details_extracted_at)
SELECT g.source_id, (5000000 + g.i)::text, 'https://www.patreon.com/posts/bench-post-' || (5000000 + g.i),
       t.title,
       (ARRAY['text_only', 'image_file', 'video_external_file', 'video_embed', 'audio_file', 'poll'])[1 + g.i % 6],
       CASE WHEN g.i % 100 = 0 THEN NULL
            ELSE timestamptz '2019-01-01 00:00:00Z' + (random() * 7 * 365) * interval '1 day' END,
       CASE WHEN g.i % 10 = 0 THEN now() - random() * interval '300 days' END,
       '<p>' || t.p1 || '</p><p><strong>' || t.p2 || '</strong> <a href="https://example.com/' || g.i || '">link</a></p><p>'
           || t.p3 || '</p><ul><li>' || t.p4 || '</li></ul>',
       t.p1 || E'\n\n' || t.p2 || E'\n\n' || t.p3 || E'\n\n' || t.p4,
       left(t.p1, 140),
       g.i % 20 = 0,
       (CASE WHEN g.i % 50 = 1 THEN 'failed' WHEN g.i % 50 = 2 THEN 'queued' WHEN g.i % 100 = 3 THEN 'discovered'
             ELSE 'completed' END)::post_status,
       CASE WHEN g.i % 50 = 1 THEN 3 ELSE 1 END,
       CASE WHEN g.i % 50 = 1 THEN 'HTTP 500 from Patreon after 3 attempts' END,
       now() - random() * interval '30 days'
  FROM gen_posts g
  CROSS JOIN LATERAL (
       -- a made-up name (song, place, project) shared by about 3 posts: the rare words a search looks for
       SELECT s[1 + (g.i * 7919) % 3000 % 16] || s[1 + (g.i * 7919) % 3000 / 16 % 16]
                  || s[1 + (g.i * 7919) % 3000 / 256 % 16] || 'dor' AS topic
         FROM (SELECT ARRAY['ka', 'lo', 'mi', 'ra', 'tu', 'ne', 'so', 'vi', 'da', 'ren', 'pol', 'zu', 'fe', 'gan',
                            'bri', 'tor'] AS s) syllables) n
  CROSS JOIN LATERAL (
       SELECT initcap(pg_temp.words(3 + g.i % 5)) || ' ' || initcap(n.topic) AS title,
              pg_temp.words(40 + g.i % 30) AS p1,
              pg_temp.words(50 + g.i % 20) || ' ' || n.topic || '.' AS p2,
              pg_temp.words(30 + g.i % 40) AS p3,
              pg_temp.words(10 + g.i % 10) AS p4) t;

-- 2,000 videos, one in every fifth post: 50 % Patreon, 40 % YouTube, 10 % Vimeo; 300 (15 %) skipped for their
-- duration, the rest downloaded, embedded, failed, queued or view-on-Patreon.
CREATE TEMP TABLE gen_videos AS
SELECT k, p.id AS post_id, p.source_id,
       (CASE WHEN k % 10 < 5 THEN 'patreon' WHEN k % 10 < 9 THEN 'youtube' ELSE 'vimeo' END)::video_provider AS provider,
       (CASE WHEN k % 20 < 3 THEN 'skipped'
             WHEN k % 20 = 3 THEN 'failed'
             WHEN k % 20 = 4 THEN (CASE WHEN k % 10 < 5 THEN 'view_on_patreon' ELSE 'embedded' END)
             WHEN k % 20 = 5 THEN 'queued'
             WHEN k % 10 < 5 THEN 'completed'
             WHEN k % 10 < 9 THEN (CASE WHEN k % 20 IN (6, 7, 16, 17) THEN 'completed' ELSE 'embedded' END)
             ELSE (CASE WHEN k % 20 = 9 THEN 'embedded' ELSE 'completed' END) END)::video_status AS status,
       CASE WHEN k % 10 < 5 THEN (70000000 + k)::text
            WHEN k % 10 < 9 THEN translate(left(encode(sha256(convert_to('yt' || k, 'UTF8')), 'base64'), 11), '+/', '-_')
            ELSE (800000000 + k)::text END AS external_id,
       encode(sha256(convert_to('bench-video-' || k, 'UTF8')), 'hex') AS hash,
       60 + (k * 7919) % 10800 AS duration
  FROM (SELECT row_number() OVER (ORDER BY id) AS k, id, source_id
          FROM posts WHERE external_id::bigint % 5 = 0) p;
INSERT INTO media_files (file_hash, file_path, file_type, file_size, created_at)
SELECT hash, 'sha256/' || substr(hash, 1, 2) || '/' || substr(hash, 3, 2) || '/' || hash || '.mp4', 'video/mp4',
       10000000 + k * 1000, now() - k * interval '1 hour'
  FROM gen_videos WHERE status = 'completed';
INSERT INTO videos (source_id, post_id, provider, external_id, url, title, duration_seconds, status, media_file_id,
                    extra_metadata, last_error)
SELECT g.source_id, g.post_id, g.provider, g.external_id,
       CASE g.provider WHEN 'youtube' THEN 'https://www.youtube.com/watch?v=' || g.external_id
                       WHEN 'vimeo' THEN 'https://player.vimeo.com/video/' || g.external_id
                       ELSE 'https://stream.mux.com/bench' || g.k || '.m3u8' END,
       'Video ' || g.k, CASE WHEN g.k % 9 <> 0 THEN g.duration END, g.status, f.id,
       CASE WHEN g.status = 'skipped' THEN jsonb_build_object(
                'skip_reason', CASE WHEN g.k % 2 = 0 THEN 'duration_exceeded' ELSE 'duration_exceeded_at_discovery' END,
                'max_allowed_seconds', 3600,
                'actual_duration_seconds', 3601 + (g.k * 37) % 7200 + 0.25,
                'skipped_at', to_char((now() - g.k * interval '37 minutes') AT TIME ZONE 'UTC',
                                      'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
            WHEN g.provider = 'youtube' AND g.status = 'embedded' THEN jsonb_build_object(
                'embed_html', '<iframe src="https://www.youtube.com/embed/' || g.external_id || '"></iframe>')
            ELSE '{}'::jsonb END,
       CASE WHEN g.status = 'failed' THEN 'yt-dlp exited with 1: HTTP Error 403: Forbidden' END
  FROM gen_videos g LEFT JOIN media_files f ON f.file_hash = g.hash;

-- Each video's item in its post (position 0), the way phase 2 writes it.
INSERT INTO post_media (post_id, position, kind, source_url, external_media_id, status, metadata, last_error)
SELECT g.post_id, 0, (CASE WHEN g.provider = 'patreon' THEN 'video' ELSE 'embed' END)::post_media_kind,
       v.url, g.external_id,
       (CASE g.status WHEN 'completed' THEN 'downloaded' WHEN 'embedded' THEN 'embedded' WHEN 'skipped' THEN 'skipped'
                      WHEN 'failed' THEN 'failed' WHEN 'view_on_patreon' THEN 'view_on_patreon'
                      ELSE 'queued' END)::post_media_status,
       '{}'::jsonb, v.last_error
  FROM gen_videos g JOIN videos v ON v.post_id = g.post_id AND v.external_id = g.external_id;

-- Audio (every 7th post) and attachments (every 11th), downloaded; images (0 to 3 per post) kept as URLs.
INSERT INTO media_files (file_hash, file_path, file_type, file_size, created_at)
SELECT h, 'sha256/' || substr(h, 1, 2) || '/' || substr(h, 3, 2) || '/' || h || '.' || ext, type, size, now()
  FROM (SELECT encode(sha256(convert_to('bench-audio-' || id, 'UTF8')), 'hex') AS h, 'mp3' AS ext,
               'audio/mpeg' AS type, 3000000 + id AS size FROM posts WHERE external_id::bigint % 7 = 0
        UNION ALL
        SELECT encode(sha256(convert_to('bench-attachment-' || id, 'UTF8')), 'hex'), 'pdf', 'application/pdf',
               200000 + id FROM posts WHERE external_id::bigint % 11 = 0) f;
INSERT INTO post_media (post_id, position, kind, source_url, external_media_id, status, media_file_id, metadata)
SELECT p.id, 1, 'audio', 'https://c10.patreonusercontent.com/bench/audio/' || p.id || '.mp3', (60000000 + p.id)::text,
       'downloaded', f.id, jsonb_build_object('file_name', 'episode-' || p.id || '.mp3')
  FROM posts p JOIN media_files f ON f.file_hash = encode(sha256(convert_to('bench-audio-' || p.id, 'UTF8')), 'hex');
INSERT INTO post_media (post_id, position, kind, source_url, external_media_id, status, media_file_id, metadata)
SELECT p.id, 2, 'attachment', 'https://www.patreon.com/file?h=' || p.id || '&i=1', (61000000 + p.id)::text,
       'downloaded', f.id, jsonb_build_object('file_name', 'notes-' || p.id || '.pdf')
  FROM posts p JOIN media_files f ON f.file_hash = encode(sha256(convert_to('bench-attachment-' || p.id, 'UTF8')), 'hex');
INSERT INTO post_media (post_id, position, kind, source_url, external_media_id, status, metadata)
SELECT p.id, 3 + n, 'image', 'https://c10.patreonusercontent.com/bench/p/post/' || p.id || '/' || n || '.jpg',
       (62000000 + p.id * 4 + n)::text, 'url_only', jsonb_build_object('width', 1920, 'height', 1080)
  FROM posts p, generate_series(0, 2) n
 WHERE n < p.external_id::bigint % 4;

-- Subtitles of the downloaded YouTube videos (English auto-generated, Spanish).
INSERT INTO media_files (file_hash, file_path, file_type, file_size)
SELECT h, 'sha256/' || substr(h, 1, 2) || '/' || substr(h, 3, 2) || '/' || h || '.vtt', 'text/vtt', 20000
  FROM (SELECT encode(sha256(convert_to('bench-sub-' || v.id || '-' || l, 'UTF8')), 'hex') AS h
          FROM videos v, unnest(ARRAY['en', 'es']) l WHERE v.provider = 'youtube' AND v.status = 'completed') s;
INSERT INTO video_subtitles (video_id, language, auto_generated, media_file_id)
SELECT v.id, l, l = 'en', f.id
  FROM videos v CROSS JOIN unnest(ARRAY['en', 'es']) l
  JOIN media_files f ON f.file_hash = encode(sha256(convert_to('bench-sub-' || v.id || '-' || l, 'UTF8')), 'hex')
 WHERE v.provider = 'youtube' AND v.status = 'completed';

-- 500 completed transcripts: 250 of downloaded Patreon/Vimeo videos, 150 of YouTube videos (by id), 100 of audio
-- files; 40 more of audio files still pending. 400 summaries.
CREATE TEMP TABLE gen_transcripts AS
SELECT row_number() OVER () AS n, * FROM (
  (SELECT v.media_file_id, NULL::varchar AS youtube_id, 'whisper'::transcript_source AS source
     FROM videos v WHERE v.provider <> 'youtube' AND v.status = 'completed' ORDER BY v.id LIMIT 250)
  UNION ALL
  (SELECT NULL, v.external_id, 'captions' FROM videos v WHERE v.provider = 'youtube'
      AND v.status IN ('embedded', 'completed') ORDER BY v.id LIMIT 150)
  UNION ALL
  (SELECT pm.media_file_id, NULL, 'whisper' FROM post_media pm WHERE pm.kind = 'audio' ORDER BY pm.id LIMIT 140)) t;
INSERT INTO transcripts (media_file_id, youtube_id, source, language, text, segments, duration_seconds, model,
                         cost_usd, status, attempts)
SELECT g.media_file_id, g.youtube_id,
       CASE WHEN g.n <= 500 THEN g.source END,
       CASE WHEN g.n <= 500 THEN (CASE WHEN g.n % 3 = 0 THEN 'en' ELSE 'es' END) END,
       CASE WHEN g.n <= 500 THEN s.text END,
       CASE WHEN g.n <= 500 THEN s.segments ELSE '[]'::jsonb END,
       CASE WHEN g.n <= 500 THEN 600 + g.n END,
       CASE WHEN g.n <= 500 AND g.source = 'whisper' THEN 'whisper-1' END,
       CASE WHEN g.n <= 500 AND g.source = 'whisper' THEN 0.06 ELSE 0 END,
       (CASE WHEN g.n <= 500 THEN 'completed' ELSE 'pending' END)::transcript_status,
       CASE WHEN g.n <= 500 THEN 1 ELSE 0 END
  FROM gen_transcripts g
  CROSS JOIN LATERAL (
       SELECT string_agg(seg.t, ' ' ORDER BY seg.j) AS text,
              jsonb_agg(jsonb_build_object('start', (seg.j - 1) * 30.0, 'end', seg.j * 30.0, 'text', seg.t)
                        ORDER BY seg.j) AS segments
         FROM (SELECT j, pg_temp.words((25 + j % 10 + g.n * 0)::int) AS t
                 FROM generate_series(1, 20 + (g.n % 20)::int) j) seg) s;
INSERT INTO summaries (transcript_id, model, language, prompt_version, text, input_tokens, output_tokens, cost_usd)
SELECT t.id, 'deepseek-chat', 'es', 1,
       pg_temp.words(80 + (t.id % 40)::int),
       4000, 300, 0.0012
  FROM transcripts t WHERE t.status = 'completed' ORDER BY t.id LIMIT 400;
INSERT INTO paid_calls (kind, transcript_id, model, host, audio_seconds, input_tokens, output_tokens, estimated_usd,
                        cost_usd, called_at, settled_at)
SELECT 'transcription'::paid_call_kind, t.id, 'whisper-1', 'api.openai.com', t.duration_seconds, 0, 0, 0.06, 0.06,
       now() - (t.id % 30) * interval '1 day', now() - (t.id % 30) * interval '1 day' + interval '20 seconds'
  FROM transcripts t WHERE t.source = 'whisper'
UNION ALL
SELECT 'summary', s.transcript_id, s.model, 'api.deepseek.com', 0, 4000, 300, 0.0013, 0.0012,
       now() - (s.id % 30) * interval '1 day', now() - (s.id % 30) * interval '1 day' + interval '9 seconds'
  FROM summaries s;

-- 3 collections per creator, 20 to 40 posts each.
INSERT INTO collections (source_id, external_id, title, description, num_posts)
SELECT s.id, (300000 + s.id * 10 + c)::text, 'Collection ' || c || ' of ' || s.name, 'Posts grouped by the creator',
       20 + c * 10
  FROM sources s, generate_series(0, 2) c;
INSERT INTO collection_posts (collection_id, post_external_id, position)
SELECT c.id, p.external_id, p.rn - 1
  FROM collections c
  JOIN LATERAL (SELECT external_id, row_number() OVER (ORDER BY id) AS rn FROM posts
                 WHERE source_id = c.source_id AND id % 3 = (c.id % 3) ORDER BY id LIMIT c.num_posts) p ON true;
SQL
psql_bench -f "$work/fill.sql" >/dev/null
psql_bench -c "VACUUM ANALYZE" >/dev/null 2>&1
fill_ms=$(ms_since "$start")

# Dead jobs, as the queues leave them (JobCodec's JSON), for /dead: 120 of phase 2 and 30 of the media queue.
dead_jobs() {
  local queue="$1" type="$2" count="$3" i jobs=()
  for ((i = 1; i <= count; i++)); do
    jobs+=("{\"id\":\"bench-$queue-$i\",\"type\":\"$type\",\"payload\":{\"post_id\":$i},\"attempt\":5,\"enqueued_at\":\"2026-01-0$((i % 9 + 1))T12:00:00Z\",\"last_error\":\"java.io.IOException: HTTP 502 from Patreon (attempt 5 of 5)\"}")
  done
  redis-cli -u "$REDIS_URL" RPUSH "archiver:dead:$queue" "${jobs[@]}" >/dev/null
}
dead_jobs phase2 process_post 120
dead_jobs media download_media 30

counts="$(sql "SELECT (SELECT count(*) FROM posts) || ' posts, ' || (SELECT count(*) FROM videos) || ' videos ('
  || (SELECT count(*) FROM videos WHERE status = 'skipped') || ' skipped), '
  || (SELECT count(*) FROM transcripts WHERE status = 'completed') || ' completed transcripts, '
  || (SELECT count(*) FROM summaries) || ' summaries, ' || (SELECT count(*) FROM post_media) || ' media items, '
  || (SELECT count(*) FROM media_files) || ' files, ' || (SELECT count(*) FROM sources) || ' creators'")"
echo "dashboard: $counts; made in $((fill_ms / 1000)).$((fill_ms % 1000 / 100)) s (SQL, VACUUM ANALYZE)"

# What the pages are asked for.
big="$(sql "SELECT source_id FROM posts GROUP BY source_id ORDER BY count(*) DESC LIMIT 1")"
big_pages="$(sql "SELECT ceil(count(*) / 30.0)::int FROM posts WHERE source_id = $big")"
deep_page=$((big_pages < 100 ? big_pages : 100))
skipped_pages="$(sql "SELECT ceil(count(*) / 50.0)::int FROM videos WHERE status = 'skipped'")"
# 100 posts: 25 with a transcribed video (20 with a summary), 15 with a downloaded YouTube video (subtitles), 15 with
# a transcribed audio, 20 with another video (skipped, embedded, failed...), 25 without video; mixed.
post_ids="$(sql "
  WITH transcribed_video AS (
         SELECT DISTINCT v.post_id FROM videos v JOIN transcripts t
             ON t.media_file_id = v.media_file_id OR (v.provider = 'youtube' AND t.youtube_id = v.external_id)
          WHERE t.status = 'completed'),
       subtitled AS (SELECT DISTINCT v.post_id FROM videos v JOIN video_subtitles s ON s.video_id = v.id),
       transcribed_audio AS (
         SELECT DISTINCT pm.post_id FROM post_media pm JOIN transcripts t ON t.media_file_id = pm.media_file_id
          WHERE pm.kind = 'audio' AND t.status = 'completed'),
       chosen AS (
         (SELECT post_id, 1 AS kind FROM transcribed_video ORDER BY post_id % 97, post_id LIMIT 25)
         UNION ALL (SELECT post_id, 2 FROM subtitled ORDER BY post_id % 89, post_id LIMIT 15)
         UNION ALL (SELECT post_id, 3 FROM transcribed_audio ORDER BY post_id % 83, post_id LIMIT 15)
         UNION ALL (SELECT post_id, 4 FROM videos WHERE post_id NOT IN (SELECT post_id FROM transcribed_video)
                     ORDER BY post_id % 79, post_id LIMIT 20)
         UNION ALL (SELECT id, 5 FROM posts WHERE id NOT IN (SELECT post_id FROM videos) ORDER BY id % 73, id LIMIT 25))
  SELECT post_id FROM chosen ORDER BY (post_id * 7919) % 101, kind")"
# The searches: a common word (in about half the posts), two words (one common, one ordinary, Spanish stems), a
# phrase of a common and an ordinary word, and a made-up name that 3 posts carry.
rare="$(sql "SELECT lower(split_part(title, ' ', -1)) FROM posts ORDER BY id LIMIT 1")"

names=()
page() {
  local name="$1"
  shift
  names+=("$name")
  printf '%s\n' "$@" >"$work/urls.$name"
}
page overview "/"
page overview-live "/overview/live"
page overview-throughput "/overview/throughput"
page sources "/sources"
page skipped "/skipped"
page skipped-last-page "/skipped?page=$skipped_pages"
page dead "/dead"
page archive "/archive"
page creator "/archive/creators/$big"
page creator-deep-page "/archive/creators/$big?page=$deep_page"
page creator-search "/archive/creators/$big?q=concierto"
page creator-search-common-word "/archive/creators/$big?q=guitar"
page post $(for id in $post_ids; do echo "/archive/posts/$id"; done)
page search-common-word "/search?q=guitar"
page search-two-words "/search?q=canciones+ac%C3%BAsticas"
page search-phrase "/search?q=%22live+concert%22"
page search-rare-name "/search?q=$rare"

# time_page NAME: warm-up, then the timed requests over one connection; "<page> <p50> <p95> <max>" in ms.
time_page() {
  local name="$1" urls i total=$((warmup + requests))
  mapfile -t urls <"$work/urls.$name"
  {
    echo 'write-out = "%{http_code} %{time_total}\n"'
    for ((i = 0; i < total; i++)); do
      echo "url = \"$base${urls[i % ${#urls[@]}]}\""
      echo 'output = "/dev/null"'
    done
  } >"$work/curl.$name"
  curl -sS -K "$work/curl.$name" >"$work/times.$name"
  local bad
  bad="$(awk '$1 != 200' "$work/times.$name" | wc -l)"
  if [ "$bad" -gt 0 ]; then
    echo "dashboard: $name answered $bad request(s) with another status than 200:" >&2
    awk '$1 != 200' "$work/times.$name" | sort | uniq -c | head -n 5 >&2
    tail -n 20 "$work/serve.log" >&2
    exit 1
  fi
  awk -v w="$warmup" 'NR > w {print $2 * 1000}' "$work/times.$name" | sort -n | awk -v page="$name" '
    {t[NR] = $1}
    function rank(p,  i) {i = int(p * NR); if (i < p * NR) i++; return t[i]}
    END {printf "%s %.1f %.1f %.1f\n", page, rank(0.5), rank(0.95), t[NR]}'
}

echo "dashboard: serve on $base; $warmup warm-up and $requests timed requests per page, one after the other"
printf '%-30s %9s %9s %9s  %s\n' page "p50 ms" "p95 ms" "max ms" "what"
missed=() worst=0 worst_page=""
timing_start=$(date +%s%N)
for name in "${names[@]}"; do
  read -r _ p50 p95 max < <(time_page "$name")
  what="$(head -n 1 "$work/urls.$name")"
  lines="$(wc -l <"$work/urls.$name")"
  [ "$lines" -eq 1 ] || what="$what ... ($lines URLs in turn)"
  printf '%-30s %9s %9s %9s  %s\n' "$name" "$p50" "$p95" "$max" "$what"
  if awk -v v="$p95" -v t="$target_ms" 'BEGIN {exit !(v >= t)}'; then missed+=("$name"); fi
  if awk -v a="$worst" -v b="$p95" 'BEGIN {exit !(b > a)}'; then worst="$p95" worst_page="$name"; fi
  if [ -n "${BENCH_SUMMARY:-}" ]; then
    key="${name//[^a-z0-9]/_}"
    printf 'dashboard.%s.p50_ms %s\ndashboard.%s.p95_ms %s\ndashboard.%s.max_ms %s\n' \
      "$key" "$p50" "$key" "$p95" "$key" "$max" >>"$BENCH_SUMMARY"
  fi
done
timing_ms=$(ms_since "$timing_start")
serve_rss_kib="$(awk '/^VmHWM:/ {print $2}' "/proc/$serve_pid/status" 2>/dev/null || echo 0)"
echo "($((timing_ms / 1000)) s of requests; serve's peak RSS $((serve_rss_kib / 1024)) MiB)"
if [ "${#missed[@]}" -eq 0 ]; then
  echo "p95 < $target_ms ms on every page: met (worst: $worst_page, $worst ms)"
else
  echo "p95 < $target_ms ms on every page: MISSED (pages: ${missed[*]})"
fi
if [ -n "${BENCH_SUMMARY:-}" ]; then
  printf 'dashboard.worst_p95_ms %s\ndashboard.worst_page %s\ndashboard.pages_missed %s\n' \
    "$worst" "$worst_page" "${#missed[@]}" >>"$BENCH_SUMMARY"
fi

# The plans: the SQL behind the heaviest pages as jOOQ writes it, with this archive's values.
explain() {
  local label="$1" query="$2" plan
  psql_bench -Atc "$query" >/dev/null # once first, so that the figure is a warm cache's, as the pages' are
  plan="$(psql_bench -Atc "EXPLAIN (ANALYZE, COSTS OFF) $query")"
  local indexes seqs at
  indexes="$(grep -oE '(Index Scan|Index Only Scan)( Backward)? using [a-z0-9_]+|Bitmap Index Scan on [a-z0-9_]+' <<<"$plan" \
    | awk '{print $NF}' | sort -u | paste -sd ' ' - || true)"
  seqs="$(grep -oE 'Seq Scan on [a-z0-9_]+' <<<"$plan" | awk '{print $NF}' | sort -u | paste -sd ' ' - || true)"
  at="$(sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p' <<<"$plan")"
  printf '%-58s %8s ms  indexes: %s%s\n' "$label" "$at" "${indexes:-none}" "${seqs:+; SEQ SCAN: $seqs}"
  if [ -n "${BENCH_DASHBOARD_PLANS:-}" ]; then sed 's/^/    /' <<<"$plan"; fi
}
post="$(sql "SELECT p.id FROM posts p JOIN videos v ON v.post_id = p.id JOIN transcripts t ON t.media_file_id = v.media_file_id
  JOIN summaries s ON s.transcript_id = t.id WHERE p.source_id = $big AND p.published_at IS NOT NULL ORDER BY p.published_at LIMIT 1")"
post_at="$(sql "SELECT published_at FROM posts WHERE id = $post")"
post_external="$(sql "SELECT external_id FROM posts WHERE id = $post")"
media_ids="$(sql "SELECT string_agg(coalesce(pm.media_file_id, v.media_file_id)::text, ',') FROM post_media pm
  LEFT JOIN videos v ON v.post_id = pm.post_id AND v.external_id = pm.external_media_id WHERE pm.post_id = $post
  AND coalesce(pm.media_file_id, v.media_file_id) IS NOT NULL")"
transcript_ids="$(sql "SELECT string_agg(id::text, ',') FROM transcripts WHERE media_file_id IN ($media_ids)")"
skipped_at="CASE WHEN (videos.extra_metadata ->> 'skipped_at') ~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})\$'
  THEN CAST(videos.extra_metadata ->> 'skipped_at' AS timestamptz) END"
media_items="(SELECT count(*) FROM post_media WHERE post_media.post_id = posts.id)"
search_sql="$(sed -n '/QUERY = """/,/""";/p' orchestrator/src/main/java/org/creatorarchiver/orchestrator/search/SearchSql.java \
  | sed '1d;$d')"
search_sql_for() {
  local sql="${search_sql//\{0\}/\'$1\'}"
  sql="${sql//\{1\}/NULL}"
  sql="${sql//\{2\}/50}"
  printf '%s' "${sql//\{3\}/\'StartSel=**, StopSel=**, MaxWords=35, MinWords=15\'}"
}
echo
echo "query plans (EXPLAIN ANALYZE, run once before; its per-node timing makes the times larger than the queries'; post $post of creator $big, published $post_at):"
explain "creators with their post counts (/archive, creator pages)" \
  "SELECT sources.id, sources.name, sources.vanity, count(posts.id) FROM sources LEFT JOIN posts ON posts.source_id = sources.id GROUP BY sources.id ORDER BY sources.id"
explain "creator: count of posts" "SELECT count(*) FROM (SELECT 1 FROM posts WHERE posts.source_id = $big) t"
for offset in 0 $(((deep_page - 1) * 30)); do
  explain "creator: posts, page $((offset / 30 + 1)) (offset $offset)" \
    "SELECT posts.id, posts.title, posts.published_at, posts.post_type, posts.status, posts.is_locked, $media_items FROM posts WHERE posts.source_id = $big ORDER BY posts.published_at DESC NULLS LAST, posts.id DESC LIMIT 30 OFFSET $offset"
done
explain "creator: posts matching 'concierto'" \
  "SELECT posts.id, posts.title, posts.published_at, posts.post_type, posts.status, posts.is_locked, $media_items FROM posts WHERE (posts.source_id = $big AND posts.id IN (SELECT post_search.post_id FROM post_search WHERE post_search.search_vector @@ archiver_search_query('concierto'))) ORDER BY posts.published_at DESC NULLS LAST, posts.id DESC LIMIT 30 OFFSET 0"
explain "creator: count of posts matching 'guitar'" \
  "SELECT count(*) FROM (SELECT 1 FROM posts WHERE (posts.source_id = $big AND posts.id IN (SELECT post_search.post_id FROM post_search WHERE post_search.search_vector @@ archiver_search_query('guitar')))) t"
explain "post: the post and its creator" \
  "SELECT posts.*, sources.name, sources.vanity FROM posts JOIN sources ON sources.id = posts.source_id WHERE posts.id = $post"
explain "post: media items (post_media, videos, files)" \
  "SELECT post_media.*, media_files.id, media_files.file_hash, media_files.file_type, media_files.file_size, videos.id, videos.provider, videos.external_id, videos.url, videos.duration_seconds FROM post_media LEFT OUTER JOIN videos ON (videos.post_id = post_media.post_id AND videos.external_id = post_media.external_media_id) LEFT OUTER JOIN media_files ON media_files.id = coalesce(post_media.media_file_id, videos.media_file_id) WHERE post_media.post_id = $post ORDER BY post_media.position"
explain "post: transcripts of its files" \
  "SELECT * FROM transcripts WHERE (transcripts.media_file_id IN ($media_ids) OR false)"
explain "post: summaries of its transcripts" \
  "SELECT summaries.transcript_id, summaries.text, summaries.language FROM summaries WHERE summaries.transcript_id IN (${transcript_ids:-0}) ORDER BY (summaries.model = 'deepseek-chat' AND summaries.language = 'es') DESC, summaries.created_at DESC, summaries.id DESC"
explain "post: collections" \
  "SELECT collections.title FROM collection_posts JOIN collections ON collections.id = collection_posts.collection_id WHERE collection_posts.post_external_id = '$post_external' AND collections.source_id = $big ORDER BY collections.title"
explain "post: newer neighbour" \
  "SELECT posts.id FROM posts WHERE (posts.source_id = $big AND (posts.published_at, posts.id) > ('$post_at', $post)) ORDER BY posts.published_at ASC NULLS FIRST, posts.id ASC LIMIT 1"
explain "post: older neighbour" \
  "SELECT posts.id FROM posts WHERE (posts.source_id = $big AND ((posts.published_at, posts.id) < ('$post_at', $post) OR posts.published_at IS NULL)) ORDER BY posts.published_at DESC NULLS LAST, posts.id DESC LIMIT 1"
explain "skipped: reasons" \
  "SELECT coalesce((videos.extra_metadata ->> 'skip_reason'), 'unknown'), count(*) FROM videos WHERE videos.status = 'skipped' GROUP BY coalesce((videos.extra_metadata ->> 'skip_reason'), 'unknown') ORDER BY 1"
explain "skipped: newest, last page" \
  "SELECT * FROM videos WHERE videos.status = 'skipped' ORDER BY $skipped_at DESC NULLS LAST, videos.id DESC LIMIT 50 OFFSET $(((skipped_pages - 1) * 50))"
explain "skip alerts (skipped, overview)" \
  "SELECT videos.source_id, coalesce(sources.name, sources.vanity, sources.external_id), count(*) FILTER (WHERE videos.status = 'skipped'), count(*) FROM videos JOIN sources ON sources.id = videos.source_id GROUP BY videos.source_id, sources.name, sources.vanity, sources.external_id HAVING (count(*) FILTER (WHERE videos.status = 'skipped') * 2) > count(*) ORDER BY videos.source_id"
explain "overview: posts by status" "SELECT posts.status, count(*) FROM posts GROUP BY posts.status"
explain "sources: posts per creator" "SELECT posts.source_id, count(*) FROM posts GROUP BY posts.source_id"
for q in guitar "canciones acústicas" "\"live concert\"" "$rare"; do
  matches="$(sql "SELECT (SELECT count(*) FROM post_search WHERE search_vector @@ archiver_search_query('${q//\'/\'\'}')) || '+'
    || (SELECT count(*) FROM transcripts WHERE search_vector @@ archiver_search_query('${q//\'/\'\'}'))")"
  explain "search: $q ($matches posts+transcripts match)" "$(search_sql_for "$q")"
done
