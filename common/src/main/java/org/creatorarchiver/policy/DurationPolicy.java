package org.creatorarchiver.policy;

/**
 * The duration policy: a video longer than its source's limit (else {@code MAX_VIDEO_DURATION_SECONDS}) is not
 * processed but recorded as skipped with the reason and figures. Audio is never subject to it. Shared by phase 1
 * (durations the listing gives) and phase 2 (durations found before or after downloading).
 */
public final class DurationPolicy {

    private final int globalMaxSeconds;

    public DurationPolicy(int globalMaxSeconds) {
        this.globalMaxSeconds = globalMaxSeconds;
    }

    /** @param sourceMaxSeconds {@code sources.max_video_duration_seconds}, NULL meaning the global limit */
    public int limitFor(Integer sourceMaxSeconds) {
        return sourceMaxSeconds == null ? globalMaxSeconds : sourceMaxSeconds;
    }

    /** "Longer than the limit": a video of exactly the limit is processed. */
    public boolean exceeds(double actualSeconds, int limitSeconds) {
        return actualSeconds > limitSeconds;
    }

    /** The whole seconds stored in {@code videos.duration_seconds}: truncated, as durations are shown. */
    public static int wholeSeconds(double seconds) {
        return (int) Math.floor(seconds);
    }
}
