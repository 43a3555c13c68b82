package org.creatorarchiver.phase3.listing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;

/**
 * Lists every collection of a campaign, following the list's {@code links.next}, each with its posts in order
 * ({@link CollectionPostIds}). Everything is fetched before anything is returned: the caller stores all or nothing.
 */
public final class CollectionListing {

    private final PatreonApi api;
    private final LinkedPages pages;
    private final CollectionPostIds postIds;

    public CollectionListing(PatreonApi api) {
        this.api = api;
        this.pages = new LinkedPages(api);
        this.postIds = new CollectionPostIds(api, pages);
    }

    /** The campaign's collections in the list's order, each once; collections deleted meanwhile are left out. */
    public List<ListedCollection> list(String campaignId)
            throws HttpFailureException, MalformedResponseException, InterruptedException {
        List<CollectionResource> listed = new ArrayList<>();
        // A collection edited while the list is paged (sorted by edited_at) may show up on two pages.
        Set<String> seen = new HashSet<>();
        for (LinkedPages.Page page : pages.all(api.campaignCollectionsUrl(campaignId))) {
            for (JsonApiResource resource : page.document().data()) {
                if (resource.type().equals(CollectionResource.TYPE) && seen.add(resource.id())) {
                    listed.add(CollectionResource.of(resource, page.source()));
                }
            }
        }
        List<ListedCollection> collections = new ArrayList<>();
        for (CollectionResource collection : listed) {
            postIds.complete(campaignId, collection).ifPresent(collections::add);
        }
        return collections;
    }
}
