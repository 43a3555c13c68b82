package org.creatorarchiver.orchestrator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.creatorarchiver.orchestrator.videos.SkippedVideosJson;
import org.creatorarchiver.queue.QueueCounts;

/** The JSON shapes of status and queue counts shared by the CLI and the HTTP API. */
public final class StatusJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatusJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * {@code {"queues": {...}, "workers": [{"id","queue"}], "sources": {...}, "posts": {...}, "videos": {...},
     * "transcripts": {...}, "alerts": [{"source_id", "skipped", "videos", "message"}]}}
     */
    public static ObjectNode status(SystemStatus status) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("queues", queues(status.queues()));
        root.set("workers", workers(status.workers()));
        root.set("sources", counts(status.sources()));
        root.set("posts", counts(status.posts()));
        root.set("videos", counts(status.videos()));
        root.set("transcripts", counts(status.transcripts()));
        root.set("alerts", SkippedVideosJson.alerts(status.alerts()));
        return root;
    }

    /** {@code {"<q>": {"ready", "delayed", "processing", "dead"}}} */
    public static ObjectNode queues(Map<String, QueueCounts> queues) {
        ObjectNode node = MAPPER.createObjectNode();
        queues.forEach((name, counts) -> node.putObject(name)
                .put("ready", counts.ready())
                .put("delayed", counts.delayed())
                .put("processing", counts.processing())
                .put("dead", counts.dead()));
        return node;
    }

    /** {@code [{"id", "queue"}]} */
    public static ArrayNode workers(List<SystemStatus.WorkerQueue> workers) {
        ArrayNode node = MAPPER.createArrayNode();
        workers.forEach(worker -> node.addObject().put("id", worker.id()).put("queue", worker.queue()));
        return node;
    }

    public static ObjectNode counts(Map<String, Long> counts) {
        ObjectNode node = MAPPER.createObjectNode();
        counts.forEach(node::put);
        return node;
    }
}
