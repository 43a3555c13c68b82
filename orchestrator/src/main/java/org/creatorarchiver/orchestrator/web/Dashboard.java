package org.creatorarchiver.orchestrator.web;

import java.util.List;
import java.util.Map;
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
import org.creatorarchiver.queue.QueueInspector;
import org.creatorarchiver.redis.BlockingRedis;

/** What {@code serve}'s web server serves, built from the process's database, queues, settings and clock. */
public final class Dashboard {

    private final ArchiverProcess process;
    private final Throughput throughput;

    public Dashboard(ArchiverProcess process, Throughput throughput) {
        this.process = process;
        this.throughput = throughput;
    }

    /** The JSON API, unchanged in routes and shapes. */
    public Map<String, ApiRoute> apiRoutes() {
        return new ApiRoutes(
                        process.queue(), process.redis(), process.database().dsl(), process.settings(), process.clock())
                .routes();
    }

    public List<WebPages> pages() {
        QueueInspector queues = new QueueInspector(BlockingRedis.of(process.redis()));
        SystemStatusReader status = new SystemStatusReader(
                queues, process.database().dsl(), process.settings().budget(), process.clock());
        var dsl = process.database().dsl();
        return List.of(
                new OverviewPages(status, queues, throughput, process.clock()),
                new SourcesPages(dsl, process.queue()),
                new SkippedPages(dsl, new ProcessAnyway(dsl, process.queue())),
                new DeadJobsPages(process.queue()),
                new ArchivePages(dsl, process.settings().summary()),
                new SearchPages(dsl),
                new StoredFiles(dsl, new MediaStore(process.config().mediaDir(), dsl)));
    }
}
