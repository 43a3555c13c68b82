package org.creatorarchiver.orchestrator.status;

import java.util.List;
import java.util.Map;
import org.creatorarchiver.orchestrator.videos.SkipAlert;
import org.creatorarchiver.queue.QueueCounts;

/**
 * A snapshot of the whole system: queue lengths, live workers, and how many sources, posts and videos are in each
 * status, and the sources more than half of whose videos were skipped. Its JSON form is the contract of
 * {@code status --json} (docs/ARCHITECTURE.md "Orchestrator CLI and HTTP API").
 */
public record SystemStatus(
        Map<String, QueueCounts> queues,
        List<WorkerQueue> workers,
        Map<String, Long> sources,
        Map<String, Long> posts,
        Map<String, Long> videos,
        List<SkipAlert> alerts) {

    /** One queue a live worker consumes (a worker consuming two queues appears twice). */
    public record WorkerQueue(String id, String queue) {}
}
