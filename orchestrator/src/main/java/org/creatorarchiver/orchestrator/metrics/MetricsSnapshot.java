package org.creatorarchiver.orchestrator.metrics;

import java.util.Map;
import org.creatorarchiver.queue.JobOutcome;
import org.creatorarchiver.queue.QueueCounts;

/** The figures one scrape reports, read together so the gauges of one scrape agree with each other. */
record MetricsSnapshot(
        Map<String, QueueCounts> queues,
        Map<String, Map<JobOutcome, Long>> outcomes,
        Map<String, Long> videos,
        long bytesDownloaded) {

    static final MetricsSnapshot EMPTY = new MetricsSnapshot(Map.of(), Map.of(), Map.of(), 0);

    double outcomes(String queue, JobOutcome outcome) {
        return outcomes.getOrDefault(queue, Map.of()).getOrDefault(outcome, 0L);
    }

    long queueDepth(String queue, String state) {
        QueueCounts counts = queues.get(queue);
        if (counts == null) {
            return 0;
        }
        return switch (state) {
            case "ready" -> counts.ready();
            case "delayed" -> counts.delayed();
            case "processing" -> counts.processing();
            case "dead" -> counts.dead();
            default -> throw new IllegalArgumentException("unknown queue state: " + state);
        };
    }
}
