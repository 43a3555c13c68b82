package org.creatorarchiver.phase4.text;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a transcript says: its segments in time order, and the language when the source tells it (a caption track's
 * language, the transcription API's detection).
 */
public record TimedText(List<Segment> segments, Optional<String> language) {

    public TimedText {
        segments = List.copyOf(segments);
    }

    /** The clean text: the segments' text, one after the other. */
    public String text() {
        return segments.stream()
                .map(Segment::text)
                .filter(text -> !text.isBlank())
                .collect(Collectors.joining(" "));
    }

    /** Where the last segment ends; 0 without segments. */
    public double end() {
        return segments.isEmpty() ? 0 : segments.getLast().end();
    }
}
