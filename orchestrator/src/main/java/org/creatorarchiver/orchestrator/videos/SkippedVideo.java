package org.creatorarchiver.orchestrator.videos;

import java.util.Optional;
import org.creatorarchiver.db.generated.enums.VideoProvider;

/**
 * A video the duration policy skipped, as both {@code skipped} and {@code GET /api/v1/stats/videos/skipped} show it.
 *
 * @param provider        {@code videos.provider} ({@code patreon}, {@code youtube}, {@code vimeo})
 * @param durationSeconds the measured duration the skip recorded when there is one, else {@code duration_seconds};
 *                        truncated to whole seconds; empty when neither is known
 * @param skipReason      why it was skipped, empty if the row says nothing
 * @param skippedAt       when, as written (ISO-8601), empty if the row says nothing
 */
public record SkippedVideo(
        long id,
        long sourceId,
        long postId,
        String provider,
        String externalId,
        String title,
        Optional<Long> durationSeconds,
        Optional<String> skipReason,
        Optional<String> skippedAt) {

    /** The YouTube id, for YouTube videos only. */
    public Optional<String> youtubeId() {
        return VideoProvider.youtube.getLiteral().equals(provider) ? Optional.of(externalId) : Optional.empty();
    }

    /** The duration as users read it ({@link DurationFormat}), empty when unknown. */
    public Optional<String> durationFormatted() {
        return durationSeconds.map(DurationFormat::of);
    }
}
