package org.creatorarchiver.orchestrator.videos;

import java.util.Optional;

/**
 * A video the duration policy skipped, as {@code skipped} shows it.
 *
 * @param durationSeconds the measured duration ({@code extra_metadata.actual_duration_seconds}) when the skip
 *                        recorded one, else {@code duration_seconds}; empty when neither is known
 * @param skipReason      {@code extra_metadata.skip_reason}, empty if the row has none
 * @param skippedAt       {@code extra_metadata.skipped_at} as written (ISO-8601), empty if the row has none
 */
public record SkippedVideo(
        long id,
        long sourceId,
        long postId,
        String provider,
        String externalId,
        String title,
        Optional<Double> durationSeconds,
        Optional<String> skipReason,
        Optional<String> skippedAt) {

    /** The duration as users read it ({@link DurationFormat}), or {@code ?} when unknown. */
    public String durationFormatted() {
        return durationSeconds.map(DurationFormat::of).orElse("?");
    }
}
