package org.creatorarchiver.orchestrator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creatorarchiver.orchestrator.status.StatusJson;
import org.creatorarchiver.orchestrator.status.SystemStatusReader;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.jooq.DSLContext;
import org.redisson.api.RedissonClient;

import java.util.LinkedHashMap;
import java.util.Map;

/** The API's routes, each reading the live state from PostgreSQL and Redis. */
public final class ApiRoutes {

    private final JobQueue queue;
    private final RedissonClient redis;
    private final DSLContext dsl;

    public ApiRoutes(JobQueue queue, RedissonClient redis, DSLContext dsl) {
        this.queue = queue;
        this.redis = redis;
        this.dsl = dsl;
    }

    public Map<String, ApiServer.Route> routes() {
        Map<String, ApiServer.Route> routes = new LinkedHashMap<>();
        routes.put("/health", query -> health());
        routes.put("/api/v1/queues", query -> queues());
        return routes;
    }

    /** 200 when PostgreSQL and Redis both answer, else 503 so container healthchecks see it. */
    private ApiServer.ApiResponse health() {
        String postgres = probe(() -> dsl.selectOne().fetch());
        String redisState = probe(() -> redis.getKeys().count());
        boolean ok = "ok".equals(postgres) && "ok".equals(redisState);
        ObjectNode body = StatusJson.mapper().createObjectNode()
                .put("status", ok ? "ok" : "degraded")
                .put("postgres", postgres)
                .put("redis", redisState);
        return new ApiServer.ApiResponse(ok ? 200 : 503, body);
    }

    private ApiServer.ApiResponse queues() {
        ObjectNode body = StatusJson.mapper().createObjectNode();
        body.set("queues", StatusJson.queues(queue.counts(Queues.ALL)));
        body.set("workers", StatusJson.workers(new SystemStatusReader(queue, redis, dsl).workers()));
        return ApiServer.ApiResponse.ok(body);
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
