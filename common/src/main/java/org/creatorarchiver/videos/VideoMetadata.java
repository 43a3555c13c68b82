package org.creatorarchiver.videos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.creatorarchiver.db.JsonbObjects;
import org.jooq.JSONB;

/**
 * {@code videos.extra_metadata}, typed, with its one JSON mapping ({@link #parse}, {@link #toJsonb}). The stored keys
 * are the constants below and nowhere else; a key this record does not know (or a value of an unexpected type) is
 * kept as it is in {@link #others}, so reading and writing a row back changes nothing it did not mean to.
 *
 * @param skip                    the figures of a duration skip, while the video is (or was last) skipped
 * @param processAnyway           {@code orchestrator process-anyway} lifted the duration limit, until archived
 * @param processedAnyway         the video was archived despite the limit (the mark above, used up)
 * @param measuredDurationSeconds yt-dlp's or ffprobe's figure when Patreon gave another one
 * @param embedHtml               the player HTML of a YouTube video kept as an embed
 * @param others                  keys written by no code of this version
 */
public record VideoMetadata(
        Optional<DurationSkip> skip,
        boolean processAnyway,
        boolean processedAnyway,
        OptionalDouble measuredDurationSeconds,
        Optional<String> embedHtml,
        Map<String, JsonNode> others) {

    public static final String SKIP_REASON = "skip_reason";
    public static final String MAX_ALLOWED_SECONDS = "max_allowed_seconds";
    public static final String ACTUAL_DURATION_SECONDS = "actual_duration_seconds";
    public static final String SKIPPED_AT = "skipped_at";
    public static final String PROCESS_ANYWAY = "process_anyway";
    public static final String PROCESSED_ANYWAY = "processed_anyway";
    public static final String MEASURED_DURATION_SECONDS = "measured_duration_seconds";
    public static final String EMBED_HTML = "embed_html";

    private static final Set<String> SKIP_KEYS =
            Set.of(SKIP_REASON, MAX_ALLOWED_SECONDS, ACTUAL_DURATION_SECONDS, SKIPPED_AT);

    public static final VideoMetadata EMPTY =
            new VideoMetadata(Optional.empty(), false, false, OptionalDouble.empty(), Optional.empty(), Map.of());

    public VideoMetadata {
        others = Map.copyOf(others);
    }

    /** Leniently: NULL or unreadable JSON reads as {@link #EMPTY}. */
    public static VideoMetadata parse(JSONB json) {
        ObjectNode rest = JsonbObjects.parse(json);
        Optional<DurationSkip> skip = takeSkip(rest);
        return new VideoMetadata(
                skip,
                take(rest, PROCESS_ANYWAY, JsonNode::booleanValue).isPresent(),
                take(rest, PROCESSED_ANYWAY, JsonNode::booleanValue).isPresent(),
                number(rest, MEASURED_DURATION_SECONDS),
                take(rest, EMBED_HTML, JsonNode::isTextual).map(JsonNode::textValue),
                rest.properties().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static Optional<DurationSkip> takeSkip(ObjectNode rest) {
        return take(rest, SKIP_REASON, JsonNode::isTextual)
                .map(reason -> new DurationSkip(
                        reason.textValue(),
                        take(rest, MAX_ALLOWED_SECONDS, n -> n.isIntegralNumber() && n.canConvertToInt())
                                .map(n -> OptionalInt.of(n.intValue()))
                                .orElse(OptionalInt.empty()),
                        number(rest, ACTUAL_DURATION_SECONDS),
                        take(rest, SKIPPED_AT, JsonNode::isTextual).map(JsonNode::textValue)));
    }

    public JSONB toJsonb() {
        return JSONB.valueOf(toJson().toString());
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.setAll(others);
        skip.ifPresent(s -> putSkip(json, s));
        if (processAnyway) {
            json.put(PROCESS_ANYWAY, true);
        }
        if (processedAnyway) {
            json.put(PROCESSED_ANYWAY, true);
        }
        measuredDurationSeconds.ifPresent(seconds -> json.put(MEASURED_DURATION_SECONDS, seconds));
        embedHtml.ifPresent(html -> json.put(EMBED_HTML, html));
        return json;
    }

    public VideoMetadata withSkip(DurationSkip skip) {
        return new VideoMetadata(
                Optional.of(skip), processAnyway, processedAnyway, measuredDurationSeconds, embedHtml, others);
    }

    /** No skip figures left, not even ones of an unexpected type. */
    public VideoMetadata withoutSkip() {
        Map<String, JsonNode> kept = others.entrySet().stream()
                .filter(entry -> !SKIP_KEYS.contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new VideoMetadata(
                Optional.empty(), processAnyway, processedAnyway, measuredDurationSeconds, embedHtml, kept);
    }

    /** Only the skip: what a discovery-time skip merges into the stored object ({@code extra_metadata || skip}). */
    public static VideoMetadata ofSkip(DurationSkip skip) {
        return EMPTY.withSkip(skip);
    }

    public VideoMetadata withProcessAnyway() {
        return new VideoMetadata(skip, true, processedAnyway, measuredDurationSeconds, embedHtml, others);
    }

    /** Archived: a "process anyway" mark is used up and becomes {@code processed_anyway}. */
    public VideoMetadata archived(OptionalDouble measured) {
        return new VideoMetadata(
                skip,
                false,
                processedAnyway || processAnyway,
                measured.isPresent() ? measured : measuredDurationSeconds,
                embedHtml,
                others);
    }

    public VideoMetadata withEmbedHtml(String html) {
        return new VideoMetadata(
                skip, processAnyway, processedAnyway, measuredDurationSeconds, Optional.of(html), others);
    }

    private static void putSkip(ObjectNode json, DurationSkip skip) {
        json.put(SKIP_REASON, skip.reason());
        skip.maxAllowedSeconds().ifPresent(limit -> json.put(MAX_ALLOWED_SECONDS, limit));
        skip.actualDurationSeconds().ifPresent(seconds -> putWholeIfWhole(json, ACTUAL_DURATION_SECONDS, seconds));
        skip.skippedAt().ifPresent(at -> json.put(SKIPPED_AT, at));
    }

    /** A whole number of seconds is written as an integer ({@code 3600}), another as a decimal ({@code 3600.5}). */
    private static void putWholeIfWhole(ObjectNode json, String key, double seconds) {
        if (seconds == Math.rint(seconds)) {
            json.put(key, (long) seconds);
        } else {
            json.put(key, seconds);
        }
    }

    private static OptionalDouble number(ObjectNode rest, String key) {
        return take(rest, key, JsonNode::isNumber)
                .map(n -> OptionalDouble.of(n.doubleValue()))
                .orElse(OptionalDouble.empty());
    }

    /** Removes the key from {@code rest} and returns its value when the value is of the expected kind. */
    private static Optional<JsonNode> take(ObjectNode rest, String key, Predicate<JsonNode> expected) {
        JsonNode value = rest.get(key);
        if (value == null || !expected.test(value)) {
            return Optional.empty();
        }
        rest.remove(key);
        return Optional.of(value);
    }
}
