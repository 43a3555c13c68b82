package org.creatorarchiver.orchestrator.videos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The one JSON shape of the skipped videos, printed by {@code skipped --json} and answered by {@code GET
 * /api/v1/stats/videos/skipped} (docs/ARCHITECTURE.md "Orchestrator CLI and HTTP API"): {@code {"total_skipped",
 * "breakdown": {reason: n}, "videos": [{"id", "youtube_id", "title", "duration_seconds", "duration_formatted",
 * "skip_reason", "skipped_at", "source_id", "post_id", "provider", "external_id"}], "alerts": [...]}}.
 * {@code duration_seconds} is a whole number; absent values are JSON null.
 */
public final class SkippedVideosJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SkippedVideosJson() {}

    public static ObjectNode of(SkippedVideosReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("total_skipped", report.totalSkipped());
        ObjectNode breakdown = root.putObject("breakdown");
        report.breakdown().forEach(breakdown::put);
        ArrayNode videos = root.putArray("videos");
        report.videos().forEach(video -> video(videos.addObject(), video));
        root.set("alerts", alerts(report.alerts()));
        return root;
    }

    /** {@code [{"source_id", "skipped", "videos", "message"}]}, also part of {@code status --json}. */
    public static ArrayNode alerts(List<SkipAlert> alerts) {
        ArrayNode node = NODES.arrayNode();
        alerts.forEach(alert -> node.addObject()
                .put("source_id", alert.sourceId())
                .put("skipped", alert.skipped())
                .put("videos", alert.videos())
                .put("message", alert.message()));
        return node;
    }

    private static void video(ObjectNode node, SkippedVideo video) {
        node.put("id", video.id())
                .put("youtube_id", video.youtubeId().orElse(null))
                .put("title", video.title())
                .put("duration_seconds", video.durationSeconds().orElse(null))
                .put("duration_formatted", video.durationFormatted().orElse(null))
                .put("skip_reason", video.skipReason().orElse(null))
                .put("skipped_at", video.skippedAt().orElse(null))
                .put("source_id", video.sourceId())
                .put("post_id", video.postId())
                .put("provider", video.provider())
                .put("external_id", video.externalId());
    }
}
