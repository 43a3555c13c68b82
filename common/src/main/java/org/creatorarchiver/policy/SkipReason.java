package org.creatorarchiver.policy;

/** Why a video was not processed; the value is what {@code VideoMetadata.SKIP_REASON} of {@code videos.extra_metadata} holds. */
public enum SkipReason {
    /** Found too long right before processing (phase 2). */
    DURATION_EXCEEDED("duration_exceeded"),
    /** Found too long in the listing already (phase 1). */
    DURATION_EXCEEDED_AT_DISCOVERY("duration_exceeded_at_discovery");

    private final String value;

    SkipReason(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
