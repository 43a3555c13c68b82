package org.creatorarchiver.orchestrator.search;

import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Full-text search over the archive, for {@code search} and {@code GET /api/v1/search} alike: post titles and texts,
 * completed transcripts and their summaries, with the schema's {@code archiver_search_query} (English and Spanish
 * stemming at once, so "canción" finds "canciones" and "songs" finds "song"), ranked by {@code ts_rank} (ties: posts,
 * then summaries, then transcripts, oldest first).
 *
 * <p>A transcript (or summary) is one result however many posts show its recording; it names the earliest video
 * showing it (lowest id), else the earliest post that has it as an audio item. With a source, a post must be that
 * source's, and a transcript must be shown by one of that source's videos or posts (then the earliest of those is
 * named). A transcript no post shows any more is not found.
 *
 * <p>Snippets mark the matched words with {@value #MARK} on both sides: plain ASCII that reads the same in a terminal
 * and in JSON (no escaping, nothing a browser would interpret), understood as emphasis by anyone who has seen Markdown,
 * and rare in creators' text, unlike quotation marks such as « », which Spanish writing uses for quotes.
 */
public final class ArchiveSearch {

    /** The bounds of {@code --limit} and of the API's {@code limit}. */
    public static final int MIN_LIMIT = 1;

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 20;

    /** What snippets put before and after each matched word. */
    public static final String MARK = "**";

    // One passage of 15 to 35 words from the best match on: a short text whole, a long one from where it matches.
    // (Fragment mode would show several places, but trims each to its matches and drops the words around them.)
    private static final String HEADLINE_OPTIONS =
            "StartSel=" + MARK + ", StopSel=" + MARK + ", MaxWords=35, MinWords=15";

    private final DSLContext dsl;

    public ArchiveSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The best {@code limit} matches of {@code query} (web-search syntax: words, {@code "a phrase"}, {@code -word},
     * {@code or}), of one source when {@code sourceId} is given.
     *
     * @throws IllegalArgumentException when the query is blank or {@code limit} is out of bounds
     */
    public SearchResults search(String query, OptionalLong sourceId, int limit) {
        checkArguments(query, limit);
        var rows = dsl.resultQuery(
                        SearchSql.QUERY,
                        DSL.val(query.strip()),
                        DSL.val(sourceId.isPresent() ? sourceId.getAsLong() : null, SQLDataType.BIGINT),
                        DSL.val(limit),
                        DSL.val(HEADLINE_OPTIONS))
                .fetch();
        long total = rows.isEmpty() ? 0 : rows.getFirst().get("total", Long.class);
        return new SearchResults(total, rows.map(ArchiveSearch::hit));
    }

    private static void checkArguments(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("the query is empty: give words to search for");
        }
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit must be between " + MIN_LIMIT + " and " + MAX_LIMIT + ", got " + limit);
        }
    }

    private static SearchHit hit(Record row) {
        return new SearchHit(
                row.get("kind", String.class),
                row.get("post_id", Long.class),
                Optional.ofNullable(row.get("video_id", Long.class)),
                row.get("title", String.class),
                row.get("snippet", String.class));
    }
}
