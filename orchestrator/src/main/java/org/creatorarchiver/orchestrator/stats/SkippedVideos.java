package org.creatorarchiver.orchestrator.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.SQLDataType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.jsonbGetAttributeAsText;
import static org.jooq.impl.DSL.when;

/** Reads the videos with status {@code skipped} and why (their {@code extra_metadata}, DESIGN.md "Data"). */
public final class SkippedVideos {

    /** The breakdown's key for a skipped row whose metadata names no reason (written by hand or by an old version). */
    static final String UNKNOWN_REASON = "unknown";

    private static final ObjectMapper JSON = new ObjectMapper();
    // Keys inlined, not bound: the grouped expression must be the same SQL text in SELECT and GROUP BY.
    private static final Field<String> SKIP_REASON = jsonbGetAttributeAsText(VIDEOS.EXTRA_METADATA, inline("skip_reason"));
    private static final Field<String> SKIPPED_AT = jsonbGetAttributeAsText(VIDEOS.EXTRA_METADATA, inline("skipped_at"));

    private static final String ISO_INSTANT = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$";

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
        return new SkippedVideosReport(total, breakdown, newest(matching, limit),
                new SkipAlerts(dsl).forSource(sourceId));
    }

    private Map<String, Long> breakdown(Condition matching) {
        Field<String> reason = coalesce(SKIP_REASON, inline(UNKNOWN_REASON));
        Map<String, Long> counts = new LinkedHashMap<>();
        dsl.select(reason, count()).from(VIDEOS).where(matching).groupBy(reason).orderBy(reason)
                .forEach(row -> counts.put(row.value1(), row.value2().longValue()));
        return counts;
    }

    // skipped_at is written by Instant.toString (ISO-8601) and sorted as a time; a value that does not look like one
    // (edited by hand) sorts last instead of failing the request. Ids break ties.
    private List<SkippedVideo> newest(Condition matching, int limit) {
        Field<OffsetDateTime> skippedAt = when(SKIPPED_AT.likeRegex(ISO_INSTANT),
                SKIPPED_AT.cast(SQLDataType.TIMESTAMPWITHTIMEZONE));
        return dsl.selectFrom(VIDEOS).where(matching)
                .orderBy(skippedAt.desc().nullsLast(), VIDEOS.ID.desc())
                .limit(limit)
                .fetch(SkippedVideos::skippedVideo);
    }

    private static SkippedVideo skippedVideo(VideosRecord video) {
        JsonNode extra = metadata(video.getExtraMetadata());
        JsonNode actual = extra.path("actual_duration_seconds");
        Long duration = actual.isNumber() ? Long.valueOf((long) actual.asDouble())
                : video.getDurationSeconds() == null ? null : Long.valueOf(video.getDurationSeconds());
        return new SkippedVideo(video.getId(),
                video.getProvider() == VideoProvider.youtube ? video.getExternalId() : null,
                video.getTitle(), duration, text(extra, "skip_reason"), text(extra, "skipped_at"));
    }

    private static JsonNode metadata(JSONB extra) {
        try {
            return extra == null ? JSON.createObjectNode() : JSON.readTree(extra.data());
        } catch (IOException e) {
            throw new UncheckedIOException("videos.extra_metadata is not JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
