package org.creatorarchiver.phase1;

import java.time.Clock;
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
import org.creatorarchiver.sources.SourceJob;
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

    private final SourceJob sourceJob;
    private final PostListing listing;
    private final DurationPolicy durationPolicy;

    public SyncCreatorHandler(SourceJob sourceJob, PostListing listing, DurationPolicy durationPolicy) {
        this.sourceJob = sourceJob;
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
        SourceResolution resolution = new SourceResolution(sources, new CampaignResolver(api));
        return new SyncCreatorHandler(
                new SourceJob(sources, resolution, sources::finishListing, "nothing to sync"),
                new PostListing(api, sources, posts, queue),
                durationPolicy);
    }

    @Override
    public void handle(SyncCreator job, JobContext context) throws Exception {
        sourceJob.run(job.sourceId(), source -> sync(source, job.full()));
    }

    /** Walks the source's listing; returns the summary to log once the source is settled. */
    private Runnable sync(Source source, boolean full) throws Exception {
        int limit = durationPolicy.limitFor(source.maxVideoDurationSeconds());
        ListingSummary summary = listing.sync(source, full, limit);
        return () -> log.info(
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
    }

    @Override
    public void onGaveUp(SyncCreator job, JobContext context, String reason) {
        sourceJob.gaveUp(job.sourceId(), reason);
    }
}
