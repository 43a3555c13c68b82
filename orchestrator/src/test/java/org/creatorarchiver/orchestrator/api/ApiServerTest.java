package org.creatorarchiver.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.Database;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.orchestrator.web.WebServer;
import org.creatorarchiver.orchestrator.web.security.UiAccess;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.WorkerRuntime;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API over a real socket, with real PostgreSQL and Redis behind it. */
class ApiServerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());

    @BeforeEach
    void emptyQueues() {
        TestDatabase.migrated();
        TestServices.flushRedis();
    }

    @Test
    void healthIsOkWhenPostgresAndRedisAnswer() throws Exception {
        try (WebServer api = serve(Database.dsl(TestDatabase.dataSource()))) {
            HttpResponse<String> response = get(api, "/health");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode body = json(response);
            assertThat(body.path("status").asText()).isEqualTo("ok");
            assertThat(body.path("postgres").asText()).isEqualTo("ok");
            assertThat(body.path("redis").asText()).isEqualTo("ok");
        }
    }

    @Test
    void healthIsDegradedWith503AndTheCauseWhenPostgresIsDown() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(500);
        try (HikariDataSource unreachable = new HikariDataSource(config);
                WebServer api = serve(Database.dsl(unreachable))) {
            HttpResponse<String> response = get(api, "/health");

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode body = json(response);
            assertThat(body.path("status").asText()).isEqualTo("degraded");
            assertThat(body.path("postgres").asText()).isNotEqualTo("ok").isNotBlank();
            assertThat(body.path("redis").asText()).isEqualTo("ok");
        }
    }

    @Test
    void queuesRouteCountsJobsAndListsLiveWorkers() throws Exception {
        queue.enqueue(JobTypes.DOWNLOAD_MEDIA, new JobTypes.DownloadMedia(11));
        WorkerRuntime worker = WorkerRuntime.builder(TestServices.redisson(), "api-test")
                .handle(
                        JobTypes.SYNC_COLLECTIONS,
                        (payload, context) -> {},
                        org.creatorarchiver.queue.RetryPolicy.exponential(0, java.time.Duration.ofSeconds(1)))
                .build();
        worker.start();
        try (WebServer api = serve(Database.dsl(TestDatabase.dataSource()))) {
            JsonNode body = json(get(api, "/api/v1/queues"));

            assertThat(body.at("/queues/media/ready").asLong()).isEqualTo(1);
            assertThat(body.at("/queues/phase1/ready").asLong()).isZero();
            assertThat(body.path("workers")).hasSize(1);
            assertThat(body.at("/workers/0/id").asText()).isEqualTo(worker.workerId());
            assertThat(body.at("/workers/0/queue").asText()).isEqualTo("phase3");
        } finally {
            worker.shutdown();
        }
    }

    @Test
    void unknownRoutesAnswer404AndWritesAnswer405() throws Exception {
        try (WebServer api = serve(Database.dsl(TestDatabase.dataSource()))) {
            assertThat(get(api, "/api/v1/nothing").statusCode()).isEqualTo(404);
            HttpResponse<String> post = client.send(
                    HttpRequest.newBuilder(uri(api, "/health"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(json(post).path("error").asText()).contains("GET only");
        }
    }

    private WebServer serve(org.jooq.DSLContext dsl) throws Exception {
        return WebServer.start(
                "127.0.0.1",
                0,
                UiAccess.open(),
                new ApiRoutes(queue, TestServices.redisson(), dsl, Settings.defaults(), Clock.systemUTC()).routes(),
                java.util.List.of());
    }

    private HttpResponse<String> get(WebServer api, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(api, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(WebServer api, String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }
}
