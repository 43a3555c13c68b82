package org.creatorarchiver.orchestrator.stats;

import org.creatorarchiver.orchestrator.videos.DurationFormat;

/**
 * One skipped video as the API lists it. {@code youtubeId} is set for YouTube videos only; {@code durationSeconds}
 * is the measured length from the skip metadata (truncated), else the row's duration, else null.
 */
public record SkippedVideo(
        long id, String youtubeId, String title, Long durationSeconds, String skipReason, String skippedAt) {

    public String durationFormatted() {
        return durationSeconds == null ? null : DurationFormat.of(durationSeconds);
    }
}
