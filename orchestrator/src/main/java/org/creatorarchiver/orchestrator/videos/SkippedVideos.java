package org.creatorarchiver.orchestrator.videos;

import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Reads the videos with status {@code skipped}, most recently skipped first. */
public final class SkippedVideos {

    /** The bounds of {@code --limit} (and the API's {@code limit}). */
    public static final int MIN_LIMIT = 1;

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 50;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISO_INSTANT =
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$";

    private final DSLContext dsl;

    public SkippedVideos(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** @param sourceId only this source's videos, or all when empty */
    public List<SkippedVideo> list(OptionalLong sourceId, int limit) {
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit must be between " + MIN_LIMIT + " and " + MAX_LIMIT + ", got " + limit);
        }
        // skipped_at is written by Instant.toString (ISO-8601) and sorted as a time; a value that does not look like
        // one (edited by hand) sorts last instead of failing the listing. Ids break ties.
        Field<String> skippedAtText = DSL.field("{0} ->> 'skipped_at'", String.class, VIDEOS.EXTRA_METADATA);
        Field<OffsetDateTime> skippedAt =
                DSL.when(skippedAtText.likeRegex(ISO_INSTANT), skippedAtText.cast(SQLDataType.TIMESTAMPWITHTIMEZONE));
        return dsl.selectFrom(VIDEOS)
                .where(skipped(sourceId))
                .orderBy(skippedAt.desc().nullsLast(), VIDEOS.ID.desc())
                .limit(limit)
                .fetch(SkippedVideos::toSkippedVideo);
    }

    /** How many videos are skipped (of one source when given). */
    public int count(OptionalLong sourceId) {
        return dsl.fetchCount(VIDEOS, skipped(sourceId));
    }

    private static Condition skipped(OptionalLong sourceId) {
        Condition skipped = VIDEOS.STATUS.eq(VideoStatus.skipped);
        return sourceId.isPresent() ? skipped.and(VIDEOS.SOURCE_ID.eq(sourceId.getAsLong())) : skipped;
    }

    private static SkippedVideo toSkippedVideo(VideosRecord video) {
        JsonNode extra = parse(video.getExtraMetadata());
        JsonNode actual = extra.path("actual_duration_seconds");
        Optional<Double> duration = actual.isNumber()
                ? Optional.of(actual.asDouble())
                : Optional.ofNullable(video.getDurationSeconds()).map(Integer::doubleValue);
        return new SkippedVideo(
                video.getId(),
                video.getSourceId(),
                video.getPostId(),
                video.getProvider().getLiteral(),
                video.getExternalId(),
                video.getTitle(),
                duration,
                text(extra, "skip_reason"),
                text(extra, "skipped_at"));
    }

    private static Optional<String> text(JsonNode extra, String key) {
        JsonNode value = extra.path(key);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static JsonNode parse(JSONB json) {
        if (json == null) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(json.data());
        } catch (JsonProcessingException e) {
            // A hand-edited row must not stop the listing; its figures are then shown as unknown.
            return MissingNode.getInstance();
        }
    }
}
