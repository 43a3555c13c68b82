package org.creatorarchiver.orchestrator.web.overview;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.creatorarchiver.orchestrator.status.SystemStatus;
import org.creatorarchiver.orchestrator.status.SystemStatusReader;
import org.creatorarchiver.orchestrator.web.Json;
import org.creatorarchiver.orchestrator.web.PageRoutes;
import org.creatorarchiver.orchestrator.web.WebPages;
import org.creatorarchiver.queue.QueueInspector;

/**
 * {@code /}: each queue's jobs by state, the live workers, the archive by status, alerts and the budget (a fragment
 * the page fetches again every few seconds, {@code /overview/live}), and the jobs done and failed per minute over the
 * last hour ({@code /overview/throughput}, JSON for the chart).
 */
public final class OverviewPages implements WebPages {

    private final SystemStatusReader status;
    private final QueueInspector queues;
    private final Throughput throughput;
    private final Clock clock;

    public OverviewPages(SystemStatusReader status, QueueInspector queues, Throughput throughput, Clock clock) {
        this.status = status;
        this.queues = queues;
        this.throughput = throughput;
        this.clock = clock;
    }

    @Override
    public void addTo(PageRoutes routes) {
        routes.page("/", ctx -> new PageRoutes.View("overview.jte", live()));
        routes.page("/overview/live", ctx -> new PageRoutes.View("overview-live.jte", live()));
        routes.get("/overview/throughput", ctx -> Json.send(ctx, throughput.lastHour()));
    }

    private Map<String, Object> live() {
        SystemStatus now = status.read();
        Instant at = clock.instant();
        List<LiveWorker> workers = queues.liveWorkers().stream()
                .map(worker -> LiveWorker.of(worker, at))
                .toList();
        return Map.of("status", now, "workers", workers, "at", at);
    }
}
