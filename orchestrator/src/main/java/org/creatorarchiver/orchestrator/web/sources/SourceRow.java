package org.creatorarchiver.orchestrator.web.sources;

import java.time.Instant;

/** A source as its page lists it: what it is, how its syncs went, what it holds, and its own duration limit. */
public record SourceRow(
        long id,
        String label,
        String url,
        String status,
        Instant lastSyncedAt,
        String lastError,
        long posts,
        long videos,
        long skippedVideos,
        Integer durationLimitSeconds) {}
