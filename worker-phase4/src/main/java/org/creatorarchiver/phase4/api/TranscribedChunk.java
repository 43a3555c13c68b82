package org.creatorarchiver.phase4.api;

import java.util.Objects;
import org.creatorarchiver.phase4.text.TimedText;

/**
 * What the transcription API heard in one audio chunk: its segments with times from the chunk's own start (the
 * caller shifts them onto the whole recording), the language it detected, and the audio seconds it reports (what it
 * bills).
 */
public record TranscribedChunk(TimedText text, double audioSeconds) {

    public TranscribedChunk {
        Objects.requireNonNull(text, "text");
        if (!(audioSeconds >= 0)) {
            throw new IllegalArgumentException("audio seconds are never negative, got " + audioSeconds);
        }
    }
}
