package org.creatorarchiver.orchestrator.web;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.orchestrator.api.ApiRoute;
import org.creatorarchiver.orchestrator.api.ApiRoutes;
import org.creatorarchiver.orchestrator.status.SystemStatusReader;
import org.creatorarchiver.orchestrator.videos.ProcessAnyway;
import org.creatorarchiver.orchestrator.web.archive.ArchivePages;
import org.creatorarchiver.orchestrator.web.dead.DeadJobsPages;
import org.creatorarchiver.orchestrator.web.files.StoredFiles;
import org.creatorarchiver.orchestrator.web.overview.OverviewPages;
import org.creatorarchiver.orchestrator.web.overview.Throughput;
import org.creatorarchiver.orchestrator.web.search.SearchPages;
import org.creatorarchiver.orchestrator.web.skipped.SkippedPages;
import org.creatorarchiver.orchestrator.web.sources.SourcesPages;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.QueueInspector;
import org.creatorarchiver.redis.BlockingRedis;
import org.jooq.DSLContext;
import org.redisson.api.RedissonClient;

/**
 * What {@code serve}'s web server serves: the JSON API and every part of the dashboard, built from the database, the
 * queues, the settings, the clock and the media store.
 */
public final class Dashboard {

    private final JobQueue queue;
    private final RedissonClient redis;
    private final DSLContext dsl;
    private final Settings settings;
    private final Clock clock;
    private final Path mediaDir;
    private final Throughput throughput;

    public Dashboard(
            JobQueue queue,
            RedissonClient redis,
            DSLContext dsl,
            Settings settings,
            Clock clock,
            Path mediaDir,
            Throughput throughput) {
        this.queue = queue;
        this.redis = redis;
        this.dsl = dsl;
        this.settings = settings;
        this.clock = clock;
        this.mediaDir = mediaDir;
        this.throughput = throughput;
    }

    /** The dashboard of a running {@code serve} or {@code ./archiver run}. */
    public static Dashboard of(ArchiverProcess process, Throughput throughput) {
        return new Dashboard(
                process.queue(),
                process.redis(),
                process.database().dsl(),
                process.settings(),
                process.clock(),
                process.config().mediaDir(),
                throughput);
    }

    /** The JSON API, unchanged in routes and shapes. */
    public Map<String, ApiRoute> apiRoutes() {
        return new ApiRoutes(queue, redis, dsl, settings, clock).routes();
    }

    public List<WebPages> pages() {
        QueueInspector queues = new QueueInspector(BlockingRedis.of(redis));
        SystemStatusReader status = new SystemStatusReader(queues, dsl, settings.budget(), clock);
        return List.of(
                new OverviewPages(status, queues, throughput, clock),
                new SourcesPages(dsl, queue),
                new SkippedPages(dsl, new ProcessAnyway(dsl, queue)),
                new DeadJobsPages(queue),
                new ArchivePages(dsl, settings.summary()),
                new SearchPages(dsl),
                new StoredFiles(dsl, new MediaStore(mediaDir, dsl)));
    }
}
