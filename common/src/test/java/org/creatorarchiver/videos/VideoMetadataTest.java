package org.creatorarchiver.videos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import org.creatorarchiver.policy.SkipReason;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code videos.extra_metadata}: the stored JSON keeps its keys and value types, and reads back as it was. */
class VideoMetadataTest {

    @Test
    void aSkippedVideoCarriesExactlyTheFourFigures() {
        ObjectNode metadata = VideoMetadata.ofSkip(DurationSkip.of(
                        SkipReason.DURATION_EXCEEDED_AT_DISCOVERY,
                        2159,
                        3600.5,
                        Instant.parse("2026-07-01T10:00:00.123456Z")))
                .toJson();

        assertThat(metadata.properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder(
                        "skip_reason", "max_allowed_seconds", "actual_duration_seconds", "skipped_at");
        assertThat(metadata.get("skip_reason").textValue()).isEqualTo("duration_exceeded_at_discovery");
        assertThat(metadata.get("max_allowed_seconds").isIntegralNumber()).isTrue();
        assertThat(metadata.get("max_allowed_seconds").intValue()).isEqualTo(2159);
        assertThat(metadata.get("actual_duration_seconds").doubleValue()).isEqualTo(3600.5);
        assertThat(metadata.get("skipped_at").textValue()).isEqualTo("2026-07-01T10:00:00.123Z");
    }

    @Test
    void aWholeDurationIsWrittenAsAWholeNumber() {
        ObjectNode metadata = VideoMetadata.ofSkip(
                        DurationSkip.of(SkipReason.DURATION_EXCEEDED, 600, 3600, Instant.parse("2026-07-01T10:00:00Z")))
                .toJson();

        assertThat(metadata.get("skip_reason").textValue()).isEqualTo("duration_exceeded");
        assertThat(metadata.toString()).contains("\"actual_duration_seconds\":3600,");
        assertThat(metadata.get("skipped_at").textValue()).isEqualTo("2026-07-01T10:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"skip_reason\":\"duration_exceeded\",\"max_allowed_seconds\":2159,"
                        + "\"actual_duration_seconds\":3600.5,\"skipped_at\":\"2026-07-01T10:00:00.123Z\"}",
                "{\"process_anyway\":true,\"skip_reason\":\"duration_exceeded_at_discovery\"}",
                "{\"processed_anyway\":true,\"measured_duration_seconds\":61.0}",
                "{\"embed_html\":\"<iframe></iframe>\",\"someone_elses\":[1,\"two\"]}",
                "{\"process_anyway\":\"yes\",\"max_allowed_seconds\":\"many\"}"
            })
    void whatIsReadIsWrittenBackUnchanged(String stored) {
        ObjectNode original = org.creatorarchiver.db.JsonbObjects.parse(JSONB.valueOf(stored));

        assertThat(VideoMetadata.parse(JSONB.valueOf(stored)).toJson()).isEqualTo(original);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "42"})
    void unreadableOrNonObjectMetadataReadsAsEmpty(String stored) {
        assertThat(VideoMetadata.parse(JSONB.valueOf(stored))).isEqualTo(VideoMetadata.EMPTY);
        assertThat(VideoMetadata.parse(null)).isEqualTo(VideoMetadata.EMPTY);
    }

    @Test
    void archivingUsesTheProcessAnywayMarkUpAndKeepsAMeasure() {
        VideoMetadata marked = VideoMetadata.EMPTY.withProcessAnyway();

        ObjectNode archived = marked.archived(OptionalDouble.of(61.0)).toJson();

        assertThat(archived.has("process_anyway")).isFalse();
        assertThat(archived.get("processed_anyway").booleanValue()).isTrue();
        assertThat(archived.get("measured_duration_seconds").isDouble()).isTrue();
        assertThat(VideoMetadata.EMPTY.archived(OptionalDouble.empty()).toJson())
                .isEmpty();
    }

    @Test
    void clearingTheSkipRemovesAllFourKeys() {
        String stored = "{\"skip_reason\":\"duration_exceeded\",\"max_allowed_seconds\":2159,"
                + "\"actual_duration_seconds\":3600,\"skipped_at\":\"2026-07-01T10:00:00Z\",\"embed_html\":\"x\"}";

        ObjectNode cleared =
                VideoMetadata.parse(JSONB.valueOf(stored)).withoutSkip().toJson();

        assertThat(cleared.properties()).extracting(Map.Entry::getKey).containsExactly("embed_html");
    }
}
