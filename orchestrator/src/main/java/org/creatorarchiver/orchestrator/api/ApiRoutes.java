package org.creatorarchiver.orchestrator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.costs.Spending;
import org.creatorarchiver.orchestrator.costs.CostsJson;
import org.creatorarchiver.orchestrator.metrics.ArchiverMetrics;
import org.creatorarchiver.orchestrator.search.ArchiveSearch;
import org.creatorarchiver.orchestrator.search.SearchJson;
import org.creatorarchiver.orchestrator.status.StatusJson;
import org.creatorarchiver.orchestrator.status.SystemStatusReader;
import org.creatorarchiver.orchestrator.transcripts.TranscriptJson;
import org.creatorarchiver.orchestrator.transcripts.TranscriptNotFoundException;
import org.creatorarchiver.orchestrator.transcripts.VideoTranscripts;
import org.creatorarchiver.orchestrator.videos.SkippedVideos;
import org.creatorarchiver.orchestrator.videos.SkippedVideosJson;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.QueueInspector;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.redis.BlockingRedis;
import org.jooq.DSLContext;
import org.redisson.api.RedissonClient;

/**
 * The API's routes, each reading the live state from PostgreSQL and Redis; the settings name the summary to show with
 * a transcript and the daily budget, the clock says which UTC day it is.
 */
public final class ApiRoutes {

    private final JobQueue queue;
    private final RedissonClient redis;
    private final DSLContext dsl;
    private final Settings settings;
    private final Clock clock;
    private final SystemStatusReader status;
    private final ArchiverMetrics metrics;

    public ApiRoutes(JobQueue queue, RedissonClient redis, DSLContext dsl, Settings settings, Clock clock) {
        this.queue = queue;
        this.redis = redis;
        this.dsl = dsl;
        this.settings = settings;
        this.clock = clock;
        this.status =
                new SystemStatusReader(new QueueInspector(BlockingRedis.of(redis)), dsl, settings.budget(), clock);
        this.metrics = new ArchiverMetrics(queue, status, dsl);
    }

    public Map<String, ApiRoute> routes() {
        Map<String, ApiRoute> routes = new LinkedHashMap<>();
        routes.put("/health", query -> health());
        routes.put("/api/v1/queues", query -> queues());
        routes.put("/api/v1/stats/videos", this::videoCounts);
        routes.put("/api/v1/stats/videos/skipped", this::skippedVideos);
        routes.put("/api/v1/stats/costs", query -> costs());
        routes.put("/api/v1/videos/{video_id}/transcript", this::transcript);
        routes.put("/api/v1/search", this::search);
        routes.put("/metrics", query -> ApiResponse.text(ArchiverMetrics.contentType(), metrics.scrape()));
        return routes;
    }

    /** 200 when PostgreSQL and Redis both answer, else 503 so container healthchecks see it. */
    private ApiResponse health() {
        String postgres = probe(() -> dsl.selectOne().fetch());
        String redisState = probe(() -> redis.getKeys().count());
        boolean ok = "ok".equals(postgres) && "ok".equals(redisState);
        ObjectNode body = StatusJson.mapper()
                .createObjectNode()
                .put("status", ok ? "ok" : "degraded")
                .put("postgres", postgres)
                .put("redis", redisState);
        return ApiResponse.json(ok ? 200 : 503, body);
    }

    private ApiResponse queues() {
        ObjectNode body = StatusJson.mapper().createObjectNode();
        body.set("queues", StatusJson.queues(queue.counts(Queues.ALL)));
        body.set("workers", StatusJson.workers(status.workers()));
        return ApiResponse.ok(body);
    }

    /** {@code {"videos": {"<status>": n}}} with every status, of one source with {@code ?source_id=}. */
    private ApiResponse videoCounts(ApiQuery query) throws BadRequestException {
        ObjectNode body = StatusJson.mapper().createObjectNode();
        body.set("videos", StatusJson.counts(status.videosByStatus(sourceId(query))));
        return ApiResponse.ok(body);
    }

    private ApiResponse skippedVideos(ApiQuery query) throws BadRequestException {
        OptionalLong sourceId = sourceId(query);
        int limit = (int) query.wholeNumber("limit", SkippedVideos.MIN_LIMIT, SkippedVideos.MAX_LIMIT)
                .orElse(SkippedVideos.DEFAULT_LIMIT);
        return ApiResponse.ok(SkippedVideosJson.of(new SkippedVideos(dsl).report(sourceId, limit)));
    }

    private ApiResponse costs() {
        return ApiResponse.ok(CostsJson.of(Spending.read(dsl, clock, settings.budget())));
    }

    /** 404 with the reason when the video is unknown or has no completed transcript. */
    private ApiResponse transcript(ApiQuery query) throws BadRequestException {
        long videoId = query.pathId("video_id");
        try {
            return ApiResponse.ok(TranscriptJson.of(new VideoTranscripts(dsl, settings.summary()).of(videoId)));
        } catch (TranscriptNotFoundException e) {
            return ApiResponse.error(404, e.getMessage());
        }
    }

    private ApiResponse search(ApiQuery query) throws BadRequestException {
        String text = query.text("q").orElseThrow(() -> new BadRequestException("q: missing, the words to search for"));
        if (text.isBlank()) {
            throw new BadRequestException("q: empty, expected words to search for");
        }
        OptionalLong sourceId = sourceId(query);
        int limit = (int) query.wholeNumber("limit", ArchiveSearch.MIN_LIMIT, ArchiveSearch.MAX_LIMIT)
                .orElse(ArchiveSearch.DEFAULT_LIMIT);
        return ApiResponse.ok(SearchJson.of(new ArchiveSearch(dsl).search(text, sourceId, limit)));
    }

    private static OptionalLong sourceId(ApiQuery query) throws BadRequestException {
        return query.wholeNumber("source_id", 1, Long.MAX_VALUE);
    }

    private static String probe(Runnable check) {
        try {
            check.run();
            return "ok";
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return message.lines().findFirst().orElse(message);
        }
    }
}
