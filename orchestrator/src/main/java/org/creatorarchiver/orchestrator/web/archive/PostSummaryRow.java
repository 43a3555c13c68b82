package org.creatorarchiver.orchestrator.web.archive;

import java.time.Instant;

/** A post as a creator's list shows it. */
public record PostSummaryRow(
        long id, String title, Instant publishedAt, String postType, String status, boolean locked, int mediaItems) {}
