package org.creatorarchiver.phase3;

import java.time.Clock;
import java.util.List;
import org.creatorarchiver.http.PatreonHttp;
import org.creatorarchiver.jobs.JobTypes.SyncCollections;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.patreon.creator.CampaignResolver;
import org.creatorarchiver.phase3.listing.CollectionListing;
import org.creatorarchiver.phase3.listing.ListedCollection;
import org.creatorarchiver.phase3.listing.PostIdsSource;
import org.creatorarchiver.phase3.store.CollectionStore;
import org.creatorarchiver.phase3.store.StoredCollections;
import org.creatorarchiver.queue.JobContext;
import org.creatorarchiver.queue.JobHandler;
import org.creatorarchiver.sources.Source;
import org.creatorarchiver.sources.SourceJob;
import org.creatorarchiver.sources.SourceResolution;
import org.creatorarchiver.sources.SourceStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 3's job: a creator's collections and their posts. Resolves the campaign (the resolver phase 1 uses too),
 * lists every collection with its ordered posts, then stores the whole listing at once. Patreon refusing the session,
 * the app version or the network (401, 426, Cloudflare) is a state of the source, written on its row in one line and
 * not retried; 429, 5xx and malformed answers are retried by the HTTP client and the queue, then the source is
 * {@code failed}.
 */
public final class SyncCollectionsHandler implements JobHandler<SyncCollections> {

    private static final Logger log = LoggerFactory.getLogger(SyncCollectionsHandler.class);

    private final SourceJob sourceJob;
    private final CollectionListing listing;
    private final CollectionStore collections;

    public SyncCollectionsHandler(SourceJob sourceJob, CollectionListing listing, CollectionStore collections) {
        this.sourceJob = sourceJob;
        this.listing = listing;
        this.collections = collections;
    }

    /** The handler with its parts, on the given database and Patreon client. */
    public static SyncCollectionsHandler create(DSLContext dsl, PatreonHttp patreon, Clock clock) {
        PatreonApi api = new PatreonApi(patreon);
        SourceStore sources = new SourceStore(dsl, clock);
        SourceResolution resolution = new SourceResolution(sources, new CampaignResolver(api));
        return new SyncCollectionsHandler(
                new SourceJob(sources, resolution, sources::finishCollectionsListing, "no collections to sync"),
                new CollectionListing(api),
                new CollectionStore(dsl, clock));
    }

    @Override
    public void handle(SyncCollections job, JobContext context) throws Exception {
        sourceJob.run(job.sourceId(), this::sync);
    }

    /** Lists the source's collections and stores them; returns the summary to log once the source is settled. */
    private Runnable sync(Source source) throws Exception {
        String campaignId =
                source.campaignId().orElseThrow(() -> new IllegalStateException(source.label() + " is not resolved"));
        List<ListedCollection> listed = listing.list(campaignId);
        StoredCollections stored = collections.store(source.id(), listed);
        return () -> log.info(
                "{}: {} collection(s): {} new, {} changed, {} removed; post ids from the list for {}, from their"
                        + " own page for {}, from the posts listing for {}",
                source.label(),
                stored.listed(),
                stored.added(),
                stored.changed(),
                stored.removed(),
                count(listed, PostIdsSource.LIST),
                count(listed, PostIdsSource.COLLECTION_PAGE),
                count(listed, PostIdsSource.POSTS_LISTING));
    }

    private static long count(List<ListedCollection> listed, PostIdsSource from) {
        return listed.stream()
                .filter(collection -> collection.postIdsFrom() == from)
                .count();
    }

    @Override
    public void onGaveUp(SyncCollections job, JobContext context, String reason) {
        sourceJob.gaveUp(job.sourceId(), reason);
    }
}
