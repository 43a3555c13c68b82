package org.creatorarchiver.phase1.listing;

/**
 * What one sync of a creator did, for the log and for tests.
 *
 * @param pages         listing pages fetched
 * @param enqueued      phase 2 jobs enqueued
 * @param stoppedAtKnown whether an incremental sync stopped at a page it already had
 * @param restarts      times an expired next link made the listing start again from the top
 */
public record ListingSummary(
        int pages,
        int listed,
        int newPosts,
        int editedPosts,
        int enqueued,
        int skippedVideos,
        boolean stoppedAtKnown,
        int restarts) {}
