package org.creatorarchiver.orchestrator.transcripts;

import java.util.List;
import java.util.Optional;

/**
 * A video's completed transcript as {@code transcript} and {@code GET /api/v1/videos/{id}/transcript} show it.
 *
 * @param source   {@code captions} or {@code whisper}
 * @param language the transcript's language as the captions or the API named it, null when unknown
 * @param summary  the summary chosen by {@link VideoTranscripts}, empty when the transcript has none
 */
public record VideoTranscript(
        long videoId,
        String source,
        String language,
        String text,
        List<TranscriptSegment> segments,
        Optional<ShownSummary> summary) {

    public VideoTranscript {
        segments = List.copyOf(segments);
    }
}
