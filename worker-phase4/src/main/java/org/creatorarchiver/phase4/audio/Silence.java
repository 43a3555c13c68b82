package org.creatorarchiver.phase4.audio;

import java.util.Optional;

/** A quiet stretch of a recording, in seconds from its start: where a chunk may be cut without splitting a word. */
public record Silence(double start, double end) {

    public Silence {
        if (!(start >= 0) || !(end >= start)) {
            throw new IllegalArgumentException("a silence runs forward from 0 or later, got " + start + " to " + end);
        }
    }

    /** The part of this silence inside [{@code from}, {@code to}], if they overlap. */
    Optional<Silence> within(double from, double to) {
        double clippedStart = Math.max(start, from);
        double clippedEnd = Math.min(end, to);
        return clippedStart <= clippedEnd ? Optional.of(new Silence(clippedStart, clippedEnd)) : Optional.empty();
    }

    /** The cut point: as far from speech on either side as the silence allows. */
    public double middle() {
        return (start + end) / 2;
    }
}
