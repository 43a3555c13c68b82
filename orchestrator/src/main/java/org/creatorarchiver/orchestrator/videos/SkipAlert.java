package org.creatorarchiver.orchestrator.videos;

/** A source more than half of whose videos were skipped: its limit is probably too low for what it publishes. */
public record SkipAlert(long sourceId, long skipped, long videos, String message) {

    static SkipAlert of(long sourceId, String sourceName, long skipped, long videos) {
        String message = String.format(
                "source %d%s: %d of %d videos skipped (over half); check its duration limit",
                sourceId, sourceName == null ? "" : " (" + sourceName + ")", skipped, videos);
        return new SkipAlert(sourceId, skipped, videos, message);
    }
}
