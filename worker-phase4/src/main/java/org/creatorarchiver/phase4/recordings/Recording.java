package org.creatorarchiver.phase4.recordings;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A kept item whose content a transcript is of: a video ({@code videos} row) or a downloaded audio
 * ({@code post_media} row). Only videos are subject to the duration policy.
 *
 * @param videoId          the video, empty for an audio
 * @param durationSeconds  the duration the archive knows (Patreon's, or measured), empty when unknown
 * @param limitSeconds     the video's source's limit (else the global one)
 * @param processAnyway    an operator lifted the limit for this video ({@code process-anyway})
 */
public record Recording(Optional<Long> videoId, OptionalInt durationSeconds, int limitSeconds, boolean processAnyway) {

    public static Recording audio() {
        return new Recording(Optional.empty(), OptionalInt.empty(), Integer.MAX_VALUE, false);
    }

    public boolean isVideo() {
        return videoId.isPresent();
    }

    /** Whether the duration policy lets a recording this long be sent to a paid API. */
    public boolean allows(double seconds) {
        return !isVideo() || processAnyway || seconds <= limitSeconds;
    }

    /** Whether what the archive knows already keeps it from any paid call. */
    public boolean knownTooLong() {
        return durationSeconds.isPresent() && !allows(durationSeconds.getAsInt());
    }
}
