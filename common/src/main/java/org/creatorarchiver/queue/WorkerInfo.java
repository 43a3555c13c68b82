package org.creatorarchiver.queue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** What a worker's heartbeat key says about it: {@code {"id","queues":[..],"host","pid","started_at"}}. */
public record WorkerInfo(
        @JsonProperty("id") String id,
        @JsonProperty("queues") List<String> queues,
        @JsonProperty("host") String host,
        @JsonProperty("pid") long pid,
        @JsonProperty("started_at") Instant startedAt) {

    public WorkerInfo {
        queues = List.copyOf(queues);
    }
}
