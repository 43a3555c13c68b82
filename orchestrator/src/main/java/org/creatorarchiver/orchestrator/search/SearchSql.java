package org.creatorarchiver.orchestrator.search;

/**
 * The SQL of {@link ArchiveSearch}, PostgreSQL only (text search, {@code DISTINCT ON}). Arguments: {0} the query,
 * {1} the source id or null, {2} the limit, {3} the ts_headline options.
 */
final class SearchSql {

    // hits: every match, ranked, by ids alone. showings: what shows each matched transcript (a YouTube id's by its
    // videos, a file's by its non-YouTube videos and audio items, as VideoTranscripts pairs them; equi-joins, so the
    // indexes serve). shown: for each, the earliest video (else post with it as audio) within the source. placed: the
    // page, the total counted before LIMIT. The texts are read and the snippets made last, for the page only (a text
    // can be long, and ts_headline re-parses it whole). A snippet is highlighted under the stemmer that recognises the
    // text's words (English if its English vector matches, else Spanish), since the query ORs both and each stemmer
    // marks only the words it normalises to the query's lexemes.
    static final String QUERY = """
            WITH q AS (SELECT archiver_search_query({0}) AS query),
            hits AS (
                SELECT 'post' AS kind, ps.post_id, CAST(NULL AS bigint) AS transcript_id,
                       ts_rank(ps.search_vector, q.query) AS rank, ps.post_id AS row_id
                  FROM post_search ps JOIN posts p ON p.id = ps.post_id, q
                 WHERE ps.search_vector @@ q.query AND (CAST({1} AS bigint) IS NULL OR p.source_id = {1})
                UNION ALL
                SELECT 'transcript', NULL, t.id, ts_rank(t.search_vector, q.query), t.id
                  FROM transcripts t, q
                 WHERE t.status = 'completed' AND t.search_vector @@ q.query
                UNION ALL
                SELECT 'summary', NULL, s.transcript_id, ts_rank(s.search_vector, q.query), s.id
                  FROM summaries s JOIN transcripts t ON t.id = s.transcript_id, q
                 WHERE t.status = 'completed' AND s.search_vector @@ q.query
            ),
            matched AS (SELECT DISTINCT transcript_id FROM hits WHERE transcript_id IS NOT NULL),
            showings AS (
                SELECT m.transcript_id, v.id AS video_id, v.post_id, v.source_id,
                       coalesce(v.title, p.title) AS title, 0 AS preference, v.id AS ordinal
                  FROM matched m JOIN transcripts t ON t.id = m.transcript_id
                  JOIN videos v ON v.media_file_id = t.media_file_id AND v.provider <> 'youtube'
                  JOIN posts p ON p.id = v.post_id
                UNION ALL
                SELECT m.transcript_id, v.id, v.post_id, v.source_id, coalesce(v.title, p.title), 0, v.id
                  FROM matched m JOIN transcripts t ON t.id = m.transcript_id
                  JOIN videos v ON v.provider = 'youtube' AND v.external_id = t.youtube_id
                  JOIN posts p ON p.id = v.post_id
                UNION ALL
                SELECT m.transcript_id, NULL, pm.post_id, p.source_id, p.title, 1, pm.id
                  FROM matched m JOIN transcripts t ON t.id = m.transcript_id
                  JOIN post_media pm ON pm.media_file_id = t.media_file_id AND pm.kind = 'audio'
                  JOIN posts p ON p.id = pm.post_id
            ),
            shown AS (
                SELECT DISTINCT ON (transcript_id) transcript_id, video_id, post_id, title
                  FROM showings
                 WHERE CAST({1} AS bigint) IS NULL OR source_id = {1}
                 ORDER BY transcript_id, preference, ordinal
            ),
            placed AS (
                SELECT h.kind, coalesce(h.post_id, s.post_id) AS post_id, s.video_id, s.title AS shown_title,
                       h.rank, h.row_id, count(*) OVER () AS total
                  FROM hits h LEFT JOIN shown s ON s.transcript_id = h.transcript_id
                 WHERE h.transcript_id IS NULL OR s.transcript_id IS NOT NULL
                 ORDER BY h.rank DESC, h.kind, h.row_id
                 LIMIT {2}
            )
            SELECT p.kind, p.post_id, p.video_id, coalesce(po.title, p.shown_title) AS title, p.total,
                   CASE WHEN to_tsvector('english', d.document) @@ q.query
                        THEN ts_headline('english', d.document, q.query, {3})
                        ELSE ts_headline('spanish', d.document, q.query, {3}) END AS snippet
              FROM placed p CROSS JOIN q
              LEFT JOIN posts po ON p.kind = 'post' AND po.id = p.row_id
              LEFT JOIN transcripts tr ON p.kind = 'transcript' AND tr.id = p.row_id
              LEFT JOIN summaries su ON p.kind = 'summary' AND su.id = p.row_id
              CROSS JOIN LATERAL (SELECT CASE p.kind WHEN 'post' THEN concat_ws(' | ', po.title, po.content_text)
                                                     WHEN 'transcript' THEN tr.text ELSE su.text END AS document) d
             ORDER BY p.rank DESC, p.kind, p.row_id
            """;

    private SearchSql() {}
}
