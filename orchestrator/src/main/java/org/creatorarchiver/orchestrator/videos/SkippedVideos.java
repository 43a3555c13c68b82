package org.creatorarchiver.orchestrator.videos;

import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.jsonbGetAttributeAsText;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.videos.DurationSkip;
import org.creatorarchiver.videos.VideoMetadata;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Reads the videos with status {@code skipped} and why, for the CLI and the API alike. This is the one class of the
 * orchestrator that reads the skip keys of {@code videos.extra_metadata} (docs/ARCHITECTURE.md "Tables").
 */
public final class SkippedVideos {

    /** The bounds of {@code --limit} and of the API's {@code limit}. */
    public static final int MIN_LIMIT = 1;

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 50;

    /** The breakdown's key for a skipped row whose metadata names no reason (written by hand or by an old version). */
    static final String UNKNOWN_REASON = "unknown";

    // Keys inlined, not bound: the grouped expression must be the same SQL text in SELECT and GROUP BY.
    private static final Field<String> SKIP_REASON =
            jsonbGetAttributeAsText(VIDEOS.EXTRA_METADATA, inline(VideoMetadata.SKIP_REASON));
    private static final Field<String> SKIPPED_AT =
            jsonbGetAttributeAsText(VIDEOS.EXTRA_METADATA, inline(VideoMetadata.SKIPPED_AT));

    private static final String ISO_INSTANT =
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$";

    private final DSLContext dsl;

    public SkippedVideos(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Everything skipped (of one source when {@code sourceId} is given), the newest {@code limit} of them listed.
     *
     * @throws IllegalArgumentException when {@code limit} is not within {@link #MIN_LIMIT}..{@link #MAX_LIMIT}
     */
    public SkippedVideosReport report(OptionalLong sourceId, int limit) {
        return report(sourceId, limit, 0);
    }

    /** {@link #report(OptionalLong, int)} listing from the {@code offset}-th newest on (a page of the dashboard). */
    public SkippedVideosReport report(OptionalLong sourceId, int limit, long offset) {
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit must be between " + MIN_LIMIT + " and " + MAX_LIMIT + ", got " + limit);
        }
        Map<String, Long> breakdown = breakdown(skipped(sourceId));
        long total = breakdown.values().stream().mapToLong(Long::longValue).sum();
        return new SkippedVideosReport(
                total, breakdown, newest(sourceId, limit, offset), new SkipAlerts(dsl).forSource(sourceId));
    }

    private static Condition skipped(OptionalLong sourceId) {
        Condition skipped = VIDEOS.STATUS.eq(VideoStatus.skipped);
        return sourceId.isPresent() ? skipped.and(VIDEOS.SOURCE_ID.eq(sourceId.getAsLong())) : skipped;
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

    private List<SkippedVideo> newest(OptionalLong sourceId, int limit, long offset) {
        // skipped_at is written by Instant.toString (ISO-8601) and sorted as a time; a value that does not look like
        // one (edited by hand) sorts last instead of failing the listing. Ids break ties.
        Field<OffsetDateTime> skippedAt =
                DSL.when(SKIPPED_AT.likeRegex(ISO_INSTANT), SKIPPED_AT.cast(SQLDataType.TIMESTAMPWITHTIMEZONE));
        return dsl.selectFrom(VIDEOS)
                .where(skipped(sourceId))
                .orderBy(skippedAt.desc().nullsLast(), VIDEOS.ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(SkippedVideos::toSkippedVideo);
    }

    private static SkippedVideo toSkippedVideo(VideosRecord video) {
        Optional<DurationSkip> skip =
                VideoMetadata.parse(video.getExtraMetadata()).skip();
        return new SkippedVideo(
                video.getId(),
                video.getSourceId(),
                video.getPostId(),
                video.getProvider().getLiteral(),
                video.getExternalId(),
                video.getTitle(),
                duration(video, skip),
                skip.map(DurationSkip::reason),
                skip.flatMap(DurationSkip::skippedAt));
    }

    /** The measured duration the skip recorded, else the row's; whole seconds, truncated. */
    private static Optional<Long> duration(VideosRecord video, Optional<DurationSkip> skip) {
        OptionalDouble actual = skip.map(DurationSkip::actualDurationSeconds).orElse(OptionalDouble.empty());
        if (actual.isPresent()) {
            return Optional.of((long) Math.floor(actual.getAsDouble()));
        }
        return Optional.ofNullable(video.getDurationSeconds()).map(Integer::longValue);
    }
}
