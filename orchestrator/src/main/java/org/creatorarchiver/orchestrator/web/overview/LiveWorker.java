package org.creatorarchiver.orchestrator.web.overview;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.creatorarchiver.queue.WorkerInfo;

/** A worker as the overview lists it: where it runs, since when, and how long ago its heartbeat was written. */
public record LiveWorker(
        String id,
        List<String> queues,
        String host,
        long pid,
        Instant startedAt,
        Duration uptime,
        Duration heartbeatAge) {

    static LiveWorker of(WorkerInfo worker, Instant now) {
        Instant beat = worker.beatAt() != null ? worker.beatAt() : worker.startedAt();
        return new LiveWorker(
                worker.id(),
                worker.queues(),
                worker.host(),
                worker.pid(),
                worker.startedAt(),
                nonNegative(Duration.between(worker.startedAt(), now)),
                nonNegative(Duration.between(beat, now)));
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
