package org.creatorarchiver.orchestrator.transcripts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON shape of a video's transcript, printed by {@code transcript --format json} and answered by {@code GET
 * /api/v1/videos/{id}/transcript}: {@code {"video_id", "source", "language", "text", "segments": [{"start", "end",
 * "text"}], "summary": {"text", "model", "language"} | null}}; times in seconds.
 */
public final class TranscriptJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TranscriptJson() {}

    public static ObjectNode of(VideoTranscript transcript) {
        ObjectNode root = NODES.objectNode()
                .put("video_id", transcript.videoId())
                .put("source", transcript.source())
                .put("language", transcript.language())
                .put("text", transcript.text());
        ArrayNode segments = root.putArray("segments");
        transcript
                .segments()
                .forEach(segment -> segments.addObject()
                        .put("start", segment.start())
                        .put("end", segment.end())
                        .put("text", segment.text()));
        root.set("summary", transcript.summary().map(TranscriptJson::summary).orElse(NODES.nullNode()));
        return root;
    }

    private static JsonNode summary(ShownSummary summary) {
        return NODES.objectNode()
                .put("text", summary.text())
                .put("model", summary.model())
                .put("language", summary.language());
    }
}
