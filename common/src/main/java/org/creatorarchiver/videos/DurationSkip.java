package org.creatorarchiver.videos;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.creatorarchiver.policy.SkipReason;

/**
 * Why and when a video was skipped for its duration: {@code skip_reason}, {@code max_allowed_seconds},
 * {@code actual_duration_seconds}, {@code skipped_at} of {@link VideoMetadata}. The figures are optional only so that
 * a row written by hand reads back as it is; every skip the system writes has all four.
 *
 * @param reason    a {@link SkipReason} value ({@code duration_exceeded}, {@code duration_exceeded_at_discovery})
 * @param skippedAt ISO-8601 as written ({@link Instant#toString()} truncated to milliseconds)
 */
public record DurationSkip(
        String reason,
        OptionalInt maxAllowedSeconds,
        OptionalDouble actualDurationSeconds,
        Optional<String> skippedAt) {

    public static DurationSkip of(SkipReason reason, int limitSeconds, double actualSeconds, Instant skippedAt) {
        return new DurationSkip(
                reason.value(),
                OptionalInt.of(limitSeconds),
                OptionalDouble.of(actualSeconds),
                Optional.of(skippedAt.truncatedTo(ChronoUnit.MILLIS).toString()));
    }
}
