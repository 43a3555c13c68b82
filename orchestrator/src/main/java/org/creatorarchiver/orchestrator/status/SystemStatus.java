package org.creatorarchiver.orchestrator.status;

import java.util.List;
import java.util.Map;
import org.creatorarchiver.costs.SpendingReport;
import org.creatorarchiver.orchestrator.videos.SkipAlert;
import org.creatorarchiver.queue.QueueCounts;

/**
 * A snapshot of the whole system: queue lengths, live workers, how many sources, posts, videos and transcripts are
 * in each status, the sources more than half of whose videos were skipped, and what the paid APIs cost today. Its
 * JSON form is the contract of {@code status --json} (docs/ARCHITECTURE.md "Orchestrator CLI and HTTP API"); the
 * spending is only in the text form ({@code costs --json} has it in full).
 */
public record SystemStatus(
        Map<String, QueueCounts> queues,
        List<WorkerQueue> workers,
        Map<String, Long> sources,
        Map<String, Long> posts,
        Map<String, Long> videos,
        Map<String, Long> transcripts,
        List<SkipAlert> alerts,
        SpendingReport spending) {

    /** One queue a live worker consumes (a worker consuming two queues appears twice). */
    public record WorkerQueue(String id, String queue) {}
}
