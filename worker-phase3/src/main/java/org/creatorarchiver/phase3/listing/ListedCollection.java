package org.creatorarchiver.phase3.listing;

import java.util.List;

/**
 * A collection as Patreon lists it now, with its posts in the creator's order.
 *
 * @param externalId  Patreon's collection id
 * @param postIds     the posts' external ids in collection order, each once
 * @param postIdsFrom which answer named the posts
 */
public record ListedCollection(
        String externalId, CollectionAttributes attributes, List<String> postIds, PostIdsSource postIdsFrom) {

    public ListedCollection {
        postIds = List.copyOf(postIds);
    }
}
