package org.creatorarchiver.phase1.posts;

import java.util.List;

/**
 * What storing one listing page did.
 *
 * @param toProcess   posts that need a phase 2 job: new, edited, or stored earlier without their job being enqueued
 * @param newPosts    posts seen for the first time
 * @param editedPosts known posts whose {@code edited_at} or viewability changed
 * @param skipped     videos recorded as skipped because the listing showed them over the limit
 */
public record StoredPage(int listed, List<Long> toProcess, int newPosts, int editedPosts, int skipped) {

    /** A page that tells an incremental re-sync it has reached what it already has. */
    public boolean allKnownAndUnchanged() {
        return listed > 0 && toProcess.isEmpty();
    }
}
