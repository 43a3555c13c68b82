package org.creatorarchiver.phase1.posts;

import java.time.Instant;
import java.util.List;

/**
 * What storing one listing page did.
 *
 * @param toProcess   posts that need a phase 2 job: new, edited, or stored earlier without their job being enqueued
 * @param newPosts    posts seen for the first time
 * @param editedPosts known posts whose {@code edited_at} or viewability changed
 * @param skipped     videos recorded as skipped because the listing showed them over the limit
 * @param newestStoredAt when the most recently first-stored post of the page was stored; null if any post is new
 */
public record StoredPage(
        int listed, List<Long> toProcess, int newPosts, int editedPosts, int skipped, Instant newestStoredAt) {

    /** Every post of the page was already stored, unchanged, with its phase 2 job enqueued. */
    public boolean allKnownAndUnchanged() {
        return listed > 0 && toProcess.isEmpty();
    }

    /**
     * {@link #allKnownAndUnchanged()}, and every post was stored before {@code knownBefore} (the end of the last
     * complete listing): posts stored by an interrupted listing do not prove the pages after them were seen.
     */
    public boolean allKnownBefore(Instant knownBefore) {
        return allKnownAndUnchanged() && newestStoredAt != null && !newestStoredAt.isAfter(knownBefore);
    }
}
