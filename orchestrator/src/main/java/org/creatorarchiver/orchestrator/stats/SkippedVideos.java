package org.creatorarchiver.orchestrator.stats;

import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.jsonbGetAttributeAsText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Reads the videos with status {@code skipped} and why (their {@code extra_metadata}, docs/ARCHITECTURE.md "Tables").
 */
public final class SkippedVideos {

    /** The breakdown's key for a skipped row whose metadata names no reason (written by hand or by an old version). */
    static final String UNKNOWN_REASON = "unknown";

    // Key inlined, not bound: the grouped expression must be the same SQL text in SELECT and GROUP BY.
    private static final Field<String> SKIP_REASON =
            jsonbGetAttributeAsText(VIDEOS.EXTRA_METADATA, inline("skip_reason"));

    private final DSLContext dsl;

    public SkippedVideos(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Everything skipped (of one source when {@code sourceId} is given), the newest {@code limit} of them listed. */
    public SkippedVideosReport report(OptionalLong sourceId, int limit) {
        Condition matching = VIDEOS.STATUS.eq(VideoStatus.skipped);
        if (sourceId.isPresent()) {
            matching = matching.and(VIDEOS.SOURCE_ID.eq(sourceId.getAsLong()));
        }
        Map<String, Long> breakdown = breakdown(matching);
        long total = breakdown.values().stream().mapToLong(Long::longValue).sum();
        return new SkippedVideosReport(
                total, breakdown, newest(sourceId, limit), new SkipAlerts(dsl).forSource(sourceId));
    }

    private Map<String, Long> breakdown(Condition matching) {
        Field<String> reason = coalesce(SKIP_REASON, inline(UNKNOWN_REASON));
        Map<String, Long> counts = new LinkedHashMap<>();
        dsl.select(reason, count())
                .from(VIDEOS)
                .where(matching)
                .groupBy(reason)
                .orderBy(reason)
                .forEach(row -> counts.put(row.value1(), row.value2().longValue()));
        return counts;
    }

    private List<SkippedVideo> newest(OptionalLong sourceId, int limit) {
        return new org.creatorarchiver.orchestrator.videos.SkippedVideos(dsl)
                .list(sourceId, limit).stream()
                        .map(video -> new SkippedVideo(
                                video.id(),
                                video.provider().equals(VideoProvider.youtube.getLiteral()) ? video.externalId() : null,
                                video.title(),
                                video.durationSeconds()
                                        .map(seconds -> (long) Math.floor(seconds))
                                        .orElse(null),
                                video.skipReason().orElse(null),
                                video.skippedAt().orElse(null)))
                        .toList();
    }
}
