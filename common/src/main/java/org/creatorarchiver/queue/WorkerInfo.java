package org.creatorarchiver.queue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What a worker's heartbeat key says about it: {@code {"id","queues":[..],"host","pid","started_at","beat_at"}}.
 *
 * @param beatAt when the heartbeat was last written; null for a worker that has not beaten yet (or an older one)
 */
public record WorkerInfo(
        @JsonProperty("id") String id,
        @JsonProperty("queues") List<String> queues,
        @JsonProperty("host") String host,
        @JsonProperty("pid") long pid,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("beat_at") Instant beatAt) {

    public WorkerInfo {
        queues = List.copyOf(queues);
    }

    public WorkerInfo(String id, List<String> queues, String host, long pid, Instant startedAt) {
        this(id, queues, host, pid, startedAt, null);
    }

    /** This worker as its heartbeat written at {@code now} describes it. */
    public WorkerInfo beating(Instant now) {
        return new WorkerInfo(id, queues, host, pid, startedAt, now);
    }
}
