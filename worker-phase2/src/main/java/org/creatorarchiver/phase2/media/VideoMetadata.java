package org.creatorarchiver.phase2.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jooq.JSONB;

/**
 * {@code videos.extra_metadata} (skip figures, the "process anyway" mark, embed HTML, measured durations) and the
 * other JSONB objects phase 2 reads ({@code post_media.metadata}): read leniently, an unreadable value as empty.
 */
public final class VideoMetadata {

    /** Set by {@code orchestrator process-anyway}: the duration limit is ignored for this video, once. */
    public static final String PROCESS_ANYWAY = "process_anyway";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SKIP_KEYS =
            List.of("skip_reason", "max_allowed_seconds", "actual_duration_seconds", "skipped_at");

    private VideoMetadata() {}

    public static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ObjectNode parse(JSONB json) {
        if (json == null) {
            return empty();
        }
        try {
            JsonNode node = JSON.readTree(json.data());
            return node instanceof ObjectNode object ? object : empty();
        } catch (JsonProcessingException e) {
            return empty();
        }
    }

    public static boolean processAnyway(JSONB json) {
        return parse(json).path(PROCESS_ANYWAY).asBoolean(false);
    }

    static void clearSkip(ObjectNode metadata) {
        metadata.remove(SKIP_KEYS);
    }
}
