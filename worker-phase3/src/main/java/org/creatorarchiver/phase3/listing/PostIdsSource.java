package org.creatorarchiver.phase3.listing;

/** Where a collection's ordered post ids came from: the cheapest answer that named them all. */
public enum PostIdsSource {
    /** {@code post_ids} of the collections list. */
    LIST,
    /** {@code post_ids} of the collection's own page, {@code /api/collection/{id}}. */
    COLLECTION_PAGE,
    /** The posts listing filtered by the collection, in collection order. */
    POSTS_LISTING
}
