package org.creatorarchiver.phase3.listing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import org.creatorarchiver.http.FailureKind;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collection's posts in the creator's order, from the cheapest answer that names them all: the list's
 * {@code post_ids}; else those of the collection's own page (one request); else the posts listing filtered by the
 * collection in {@code collection_order} (one request per 20 posts). An id list shorter than {@code num_posts} does
 * not name them all. A collection whose page and posts both answer 404 was deleted after the list was read.
 */
final class CollectionPostIds {

    private static final Logger log = LoggerFactory.getLogger(CollectionPostIds.class);

    private final PatreonApi api;
    private final LinkedPages pages;

    CollectionPostIds(PatreonApi api, LinkedPages pages) {
        this.api = api;
        this.pages = pages;
    }

    /** The listed collection with its ordered posts; empty when it no longer exists. */
    Optional<ListedCollection> complete(String campaignId, CollectionResource listed)
            throws HttpFailureException, MalformedResponseException, InterruptedException {
        Optional<List<String>> fromList = listed.completePostIds();
        if (fromList.isPresent()) {
            return Optional.of(with(listed, fromList.get(), PostIdsSource.LIST));
        }
        Optional<List<String>> fromPage = ownPage(listed.externalId()).flatMap(CollectionResource::completePostIds);
        if (fromPage.isPresent()) {
            return Optional.of(with(listed, fromPage.get(), PostIdsSource.COLLECTION_PAGE));
        }
        log.debug(
                "collection {}: post_ids missing or short of num_posts {}: listing its posts",
                listed.externalId(),
                listed.attributes().numPosts());
        return postsInCollectionOrder(campaignId, listed.externalId())
                .map(ids -> with(listed, ids, PostIdsSource.POSTS_LISTING));
    }

    private static ListedCollection with(CollectionResource listed, List<String> postIds, PostIdsSource from) {
        return new ListedCollection(listed.externalId(), listed.attributes(), postIds, from);
    }

    /** {@code /api/collection/{id}}; empty on 404 (the posts listing then has the last word). */
    private Optional<CollectionResource> ownPage(String collectionId)
            throws HttpFailureException, MalformedResponseException, InterruptedException {
        HttpUrl url = api.collectionUrl(collectionId);
        Optional<JsonApiDocument> document = getUnlessNotFound(url);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        for (JsonApiResource resource : document.get().data()) {
            if (resource.type().equals(CollectionResource.TYPE) && resource.id().equals(collectionId)) {
                return Optional.of(CollectionResource.of(resource, PatreonApi.describe(url)));
            }
        }
        throw new MalformedResponseException(
                PatreonApi.describe(url), "no collection " + collectionId + " in \"data\"");
    }

    private Optional<JsonApiDocument> getUnlessNotFound(HttpUrl url)
            throws HttpFailureException, MalformedResponseException, InterruptedException {
        try {
            return Optional.of(api.get(url));
        } catch (HttpFailureException e) {
            if (e.kind() == FailureKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The ids of the collection's posts, every page; empty when Patreon answers 404 (the collection is gone). */
    private Optional<List<String>> postsInCollectionOrder(String campaignId, String collectionId)
            throws HttpFailureException, MalformedResponseException, InterruptedException {
        Optional<List<LinkedPages.Page>> listing = postsListing(campaignId, collectionId);
        if (listing.isEmpty()) {
            return Optional.empty();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (LinkedPages.Page page : listing.get()) {
            page.document().data().stream()
                    .filter(resource -> resource.type().equals("post"))
                    .forEach(post -> ids.add(post.id()));
        }
        return Optional.of(List.copyOf(ids));
    }

    private Optional<List<LinkedPages.Page>> postsListing(String campaignId, String collectionId)
            throws HttpFailureException, MalformedResponseException, InterruptedException {
        try {
            return Optional.of(pages.all(api.collectionPostsUrl(campaignId, collectionId)));
        } catch (HttpFailureException e) {
            if (e.kind() == FailureKind.NOT_FOUND) {
                log.info("collection {} no longer exists ({}): left out", collectionId, e.getMessage());
                return Optional.empty();
            }
            throw e;
        }
    }
}
