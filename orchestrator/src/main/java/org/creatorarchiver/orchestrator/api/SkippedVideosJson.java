package org.creatorarchiver.orchestrator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creatorarchiver.orchestrator.stats.SkippedVideosReport;
import org.creatorarchiver.orchestrator.status.StatusJson;

/**
 * The body of {@code GET /api/v1/stats/videos/skipped} (docs/ARCHITECTURE.md "Orchestrator CLI and HTTP API"):
 * {@code {"total_skipped", "breakdown": {reason: n}, "videos": [{"id", "youtube_id", "title", "duration_seconds",
 * "duration_formatted", "skip_reason", "skipped_at"}], "alerts": [...]}}; absent values are JSON null.
 */
final class SkippedVideosJson {

    private SkippedVideosJson() {}

    static ObjectNode of(SkippedVideosReport report) {
        ObjectNode root = StatusJson.mapper().createObjectNode();
        root.put("total_skipped", report.totalSkipped());
        root.set("breakdown", StatusJson.counts(report.breakdown()));
        var videos = root.putArray("videos");
        report.videos()
                .forEach(video -> videos.addObject()
                        .put("id", video.id())
                        .put("youtube_id", video.youtubeId())
                        .put("title", video.title())
                        .put("duration_seconds", video.durationSeconds())
                        .put("duration_formatted", video.durationFormatted())
                        .put("skip_reason", video.skipReason())
                        .put("skipped_at", video.skippedAt()));
        root.set("alerts", StatusJson.alerts(report.alerts()));
        return root;
    }
}
