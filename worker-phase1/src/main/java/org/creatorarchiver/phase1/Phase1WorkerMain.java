package org.creatorarchiver.phase1;

import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.patreon.creator.CampaignResolver;
import org.creatorarchiver.phase1.duration.DiscoverySkips;
import org.creatorarchiver.phase1.listing.PostListing;
import org.creatorarchiver.phase1.posts.DiscoveredPosts;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.process.WorkerProcess;
import org.creatorarchiver.sources.SourceResolution;
import org.creatorarchiver.sources.SourceStore;

/** Phase 1 worker: creator -> posts (queue phase1). Runs until SIGTERM. */
public final class Phase1WorkerMain {

    private Phase1WorkerMain() {
    }

    public static void main(String[] args) {
        WorkerProcess.run("worker-phase1", args, (process, runtime) ->
                runtime.handle(JobTypes.SYNC_CREATOR, handler(process), process.scrapingRetryPolicy()));
    }

    /** The phase 1 handler wired to the process's database, queue and Patreon client. */
    public static SyncCreatorHandler handler(ArchiverProcess process) {
        var dsl = process.database().dsl();
        var clock = process.clock();
        PatreonApi api = new PatreonApi(process.http().patreon());
        SourceStore sources = new SourceStore(dsl, clock);
        DurationPolicy durationPolicy = new DurationPolicy(process.config().maxVideoDurationSeconds());
        DiscoveredPosts posts = new DiscoveredPosts(dsl, new DiscoverySkips(durationPolicy, clock), clock);
        return new SyncCreatorHandler(sources, new SourceResolution(sources, new CampaignResolver(api)),
                new PostListing(api, sources, posts, process.queue()), durationPolicy);
    }
}
