package org.creatorarchiver.phase4.text;

import java.util.Objects;

/**
 * A stretch of speech: seconds from the start of the whole recording, and what is said in it (clean text: no tags,
 * entities decoded, one line).
 */
public record Segment(double start, double end, String text) {

    public Segment {
        Objects.requireNonNull(text, "text");
        if (!(start >= 0) || !(end >= start)) {
            throw new IllegalArgumentException("a segment runs forward from 0 or later, got " + start + " to " + end);
        }
    }

    /** The same speech, {@code seconds} later: a chunk's times moved onto the whole recording. */
    public Segment shifted(double seconds) {
        return new Segment(start + seconds, end + seconds, text);
    }
}
