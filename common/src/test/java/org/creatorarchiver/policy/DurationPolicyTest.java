package org.creatorarchiver.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The duration policy: longer than the source's limit, else the global one, is skipped with its figures. */
class DurationPolicyTest {

    private final DurationPolicy policy = new DurationPolicy(2159);

    @Test
    void theSourcesLimitWinsOverTheGlobalOne() {
        assertThat(policy.limitFor(600)).isEqualTo(600);
        assertThat(policy.limitFor(7200)).isEqualTo(7200);
        assertThat(policy.limitFor(null)).isEqualTo(2159);
    }

    @ParameterizedTest(name = "{0} s over 2159 s: {1}")
    @CsvSource({
        "0, false",
        "2158.999, false",
        "2159, false",
        "2159.001, true",
        "2159.5, true",
        "2160, true",
        "1653.852, false",
    })
    void onlyLongerThanTheLimitExceedsIt(double seconds, boolean exceeds) {
        assertThat(policy.exceeds(seconds, 2159)).isEqualTo(exceeds);
    }

    @Test
    void storedDurationsAreTruncatedToWholeSeconds() {
        assertThat(DurationPolicy.wholeSeconds(1653.852)).isEqualTo(1653);
        assertThat(DurationPolicy.wholeSeconds(2159.999)).isEqualTo(2159);
        assertThat(DurationPolicy.wholeSeconds(60)).isEqualTo(60);
    }

    @Test
    void aSkippedVideoCarriesExactlyTheFourFigures() {
        ObjectNode metadata = DurationPolicy.skipMetadata(
                SkipReason.DURATION_EXCEEDED_AT_DISCOVERY, 2159, 3600.5, Instant.parse("2026-07-01T10:00:00.123456Z"));

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
        ObjectNode metadata = DurationPolicy.skipMetadata(
                SkipReason.DURATION_EXCEEDED, 600, 3600, Instant.parse("2026-07-01T10:00:00Z"));

        assertThat(metadata.get("skip_reason").textValue()).isEqualTo("duration_exceeded");
        assertThat(metadata.toString()).contains("\"actual_duration_seconds\":3600,");
        assertThat(metadata.get("skipped_at").textValue()).isEqualTo("2026-07-01T10:00:00Z");
    }
}
