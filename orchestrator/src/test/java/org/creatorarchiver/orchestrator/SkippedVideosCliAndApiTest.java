package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.Database;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.orchestrator.api.ApiRoutes;
import org.creatorarchiver.orchestrator.web.WebServer;
import org.creatorarchiver.orchestrator.web.security.UiAccess;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code skipped --json} and {@code GET /api/v1/stats/videos/skipped} print the same JSON from the same rows. */
class SkippedVideosCliAndApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArchiveRows rows = new ArchiveRows();
    private final HttpClient client = HttpClient.newHttpClient();
    private WebServer api;
    private long creator;
    private long unknownLength;

    @BeforeEach
    void skippedVideosOfTwoSources() throws Exception {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        creator = rows.source("skyforge");
        long post = rows.post(creator, "p1", PostStatus.completed);
        rows.video(creator, post, "m1", "Measured", 3725, VideoStatus.skipped, """
                {"skip_reason": "duration_exceeded", "actual_duration_seconds": 3725.9,
                 "skipped_at": "2026-11-20T10:00:00Z"}""");
        unknownLength = rows.video(creator, post, "m2", null, null, VideoStatus.skipped, "{}");
        rows.skippedVideo(
                creator,
                VideoProvider.youtube,
                "dQw4w9WgXcQ",
                "A talk",
                754,
                "duration_exceeded_at_discovery",
                "2026-11-21T08:30:00Z");
        long other = rows.source("other");
        rows.skippedVideo(other, "777", 2400.5, "2026-11-22T09:00:00Z");
        api = WebServer.start(
                "127.0.0.1",
                0,
                UiAccess.open(),
                new ApiRoutes(
                                new JobQueue(TestServices.redisson(), Clock.systemUTC()),
                                TestServices.redisson(),
                                Database.dsl(TestDatabase.dataSource()),
                                Settings.defaults(),
                                Clock.systemUTC())
                        .routes(),
                java.util.List.of());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void cliAndApiAnswerTheSameObject() throws Exception {
        JsonNode cli = cli("skipped", "--json");

        assertThat(cli).isEqualTo(api(""));
        assertThat(cli.path("total_skipped").asLong()).isEqualTo(4);
        assertThat(cli.path("videos")).hasSize(4);
    }

    @Test
    void cliAndApiAnswerTheSameObjectForOneSourceAndALimit() throws Exception {
        JsonNode cli = cli("skipped", "--source", Long.toString(creator), "--limit", "2", "--json");

        assertThat(cli).isEqualTo(api("?source_id=" + creator + "&limit=2"));
        assertThat(cli.path("total_skipped").asLong()).isEqualTo(3);
        assertThat(cli.path("videos")).hasSize(2);
    }

    @Test
    void durationsAreWholeSecondsAndUnknownsAreNull() throws Exception {
        JsonNode videos =
                cli("skipped", "--source", Long.toString(creator), "--json").path("videos");

        assertThat(videos.at("/0/youtube_id").asText()).isEqualTo("dQw4w9WgXcQ");
        assertThat(videos.at("/1/duration_seconds").isIntegralNumber()).isTrue();
        assertThat(videos.at("/1/duration_seconds").asLong()).isEqualTo(3725);
        assertThat(videos.at("/1/duration_formatted").asText()).isEqualTo("1:02:05");
        assertThat(videos.at("/2/id").asLong()).isEqualTo(unknownLength);
        assertThat(videos.get(2).fieldNames())
                .toIterable()
                .containsExactly(
                        "id",
                        "youtube_id",
                        "title",
                        "duration_seconds",
                        "duration_formatted",
                        "skip_reason",
                        "skipped_at",
                        "source_id",
                        "post_id",
                        "provider",
                        "external_id");
        for (String field : new String[] {"youtube_id", "title", "duration_seconds", "duration_formatted"}) {
            assertThat(videos.get(2).get(field).isNull()).as(field).isTrue();
        }
        assertThat(videos.at("/2/skip_reason").isNull()).isTrue();
    }

    private static JsonNode cli(String... args) throws Exception {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private JsonNode api(String query) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + api.port() + "/api/v1/stats/videos/skipped" + query))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
