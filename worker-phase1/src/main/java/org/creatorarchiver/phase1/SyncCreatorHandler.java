package org.creatorarchiver.phase1;

import java.time.Clock;
import java.util.Optional;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.http.PatreonHttp;
import org.creatorarchiver.jobs.JobTypes.SyncCreator;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.patreon.creator.CampaignResolver;
import org.creatorarchiver.phase1.duration.DiscoverySkips;
import org.creatorarchiver.phase1.listing.ListingSummary;
import org.creatorarchiver.phase1.listing.PostListing;
import org.creatorarchiver.phase1.posts.DiscoveredPosts;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.queue.JobContext;
import org.creatorarchiver.queue.JobHandler;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.sources.Source;
import org.creatorarchiver.sources.SourceFailures;
import org.creatorarchiver.sources.SourceResolution;
import org.creatorarchiver.sources.SourceStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 1's job: a creator to all of its posts. Resolves the campaign, walks the listing, and settles the source's
 * state. Patreon refusing the session, the app version or the network (401, 426, Cloudflare) is a state of the
 * source, written on its row in one line and not retried; 429 and 5xx are retried by the HTTP client and the queue.
 */
public final class SyncCreatorHandler implements JobHandler<SyncCreator> {

    private static final Logger log = LoggerFactory.getLogger(SyncCreatorHandler.class);

    private final SourceStore sources;
    private final SourceResolution resolution;
    private final PostListing listing;
    private final DurationPolicy durationPolicy;

    public SyncCreatorHandler(
            SourceStore sources, SourceResolution resolution, PostListing listing, DurationPolicy durationPolicy) {
        this.sources = sources;
        this.resolution = resolution;
        this.listing = listing;
        this.durationPolicy = durationPolicy;
    }

    /** The handler with its parts, on the given database, queue and Patreon client. */
    public static SyncCreatorHandler create(
            DSLContext dsl, JobQueue queue, PatreonHttp patreon, int globalMaxVideoDurationSeconds, Clock clock) {
        PatreonApi api = new PatreonApi(patreon);
        SourceStore sources = new SourceStore(dsl, clock);
        DurationPolicy durationPolicy = new DurationPolicy(globalMaxVideoDurationSeconds);
        DiscoveredPosts posts = new DiscoveredPosts(dsl, new DiscoverySkips(durationPolicy, clock), clock);
        return new SyncCreatorHandler(
                sources,
                new SourceResolution(sources, new CampaignResolver(api)),
                new PostListing(api, sources, posts, queue),
                durationPolicy);
    }

    @Override
    public void handle(SyncCreator job, JobContext context) throws Exception {
        Optional<Source> found = sources.find(job.sourceId());
        if (found.isEmpty()) {
            // Deleted, or merged into the source of the same campaign, whose own job lists it.
            log.info("source {} no longer exists: nothing to sync", job.sourceId());
            return;
        }
        try {
            Source source = resolution.resolved(found.get());
            int limit = durationPolicy.limitFor(source.maxVideoDurationSeconds());
            ListingSummary summary = listing.sync(source, job.full(), limit);
            sources.finishListing(source.id());
            sources.markActive(source.id());
            log.info(
                    "{}: {} page(s), {} post(s) listed: {} new, {} edited, {} phase 2 job(s), {} video(s) over {} s"
                            + " skipped{}",
                    source.label(),
                    summary.pages(),
                    summary.listed(),
                    summary.newPosts(),
                    summary.editedPosts(),
                    summary.enqueued(),
                    summary.skippedVideos(),
                    limit,
                    summary.stoppedAtKnown() ? "; stopped at known posts" : "");
        } catch (HttpFailureException e) {
            throw SourceFailures.settle(sources, job.sourceId(), e);
        }
    }

    @Override
    public void onGaveUp(SyncCreator job, JobContext context, String reason) {
        sources.recordGaveUp(job.sourceId(), reason);
    }
}
