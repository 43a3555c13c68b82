package org.creatorarchiver.orchestrator.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON shape of a search, printed by {@code search --json} and answered by {@code GET /api/v1/search}:
 * {@code {"total", "results": [{"kind", "post_id", "video_id", "title", "snippet"}]}}; an absent video or title is
 * JSON null.
 */
public final class SearchJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SearchJson() {}

    public static ObjectNode of(SearchResults search) {
        ObjectNode root = NODES.objectNode().put("total", search.total());
        ArrayNode results = root.putArray("results");
        search.results()
                .forEach(hit -> results.addObject()
                        .put("kind", hit.kind())
                        .put("post_id", hit.postId())
                        .put("video_id", hit.videoId().orElse(null))
                        .put("title", hit.title())
                        .put("snippet", hit.snippet()));
        return root;
    }
}
