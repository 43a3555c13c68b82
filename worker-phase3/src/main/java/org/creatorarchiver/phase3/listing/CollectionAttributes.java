package org.creatorarchiver.phase3.listing;

import java.time.Instant;

/**
 * What the archive keeps of a collection besides its posts, compared as a whole to tell whether it changed.
 *
 * @param numPosts     Patreon's count of the collection's posts; null when not given
 * @param thumbnailUrl the thumbnail's (signed) URL; null when the collection has none
 * @param editedAt     Patreon's {@code edited_at}, to the microsecond PostgreSQL keeps; null when not given
 */
public record CollectionAttributes(
        String title, String description, Integer numPosts, String thumbnailUrl, Instant editedAt) {}
