package org.creatorarchiver.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.Database;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.orchestrator.ArchiveRows;
import org.creatorarchiver.orchestrator.web.WebServer;
import org.creatorarchiver.orchestrator.web.security.UiAccess;
import org.creatorarchiver.queue.JobOutcome;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.QueueKeys;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The statistics routes and /metrics over real HTTP, reading rows stored in the real PostgreSQL and Redis. */
class StatsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());
    private final ArchiveRows rows = new ArchiveRows(TestDatabase.migrated());
    private WebServer api;
    private long creator;
    private long longVideo;
    private long youtubeVideo;

    @BeforeEach
    void archiveWithSkippedVideos() throws Exception {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        creator = rows.source("skyforge");
        longVideo = rows.skippedVideo(creator, "9001", 3600.7, "2026-11-20T10:00:00Z");
        youtubeVideo = rows.skippedVideo(
                creator,
                VideoProvider.youtube,
                "dQw4w9WgXcQ",
                "A talk",
                754,
                "duration_exceeded_at_discovery",
                "2026-11-21T08:30:00Z");
        for (int i = 0; i < 3; i++) {
            rows.video(creator, "done-" + i, "completed");
        }
        api = WebServer.start(
                "127.0.0.1",
                0,
                UiAccess.open(),
                new ApiRoutes(
                                queue,
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
    void skippedVideosAnswerTheDocumentedShapeNewestFirst() throws Exception {
        HttpResponse<String> response = get("/api/v1/stats/videos/skipped");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("total_skipped", "breakdown", "videos", "alerts");
        assertThat(body.path("total_skipped").asLong()).isEqualTo(2);
        assertThat(body.path("breakdown"))
                .isEqualTo(JSON.readTree("{\"duration_exceeded\": 1, \"duration_exceeded_at_discovery\": 1}"));
        assertThat(body.path("videos")).hasSize(2);
        assertThat(body.at("/videos/0"))
                .isEqualTo(JSON.readTree("""
                {"id": %d, "youtube_id": "dQw4w9WgXcQ", "title": "A talk", "duration_seconds": 754,
                 "duration_formatted": "12:34", "skip_reason": "duration_exceeded_at_discovery",
                 "skipped_at": "2026-11-21T08:30:00Z", "source_id": %d, "post_id": %d, "provider": "youtube",
                 "external_id": "dQw4w9WgXcQ"}""".formatted(youtubeVideo, creator, postOf(youtubeVideo))));
        assertThat(body.at("/videos/1")).isEqualTo(JSON.readTree("""
                {"id": %d, "youtube_id": null, "title": "Video 9001", "duration_seconds": 3600,
                 "duration_formatted": "1:00:00", "skip_reason": "duration_exceeded",
                 "skipped_at": "2026-11-20T10:00:00Z", "source_id": %d, "post_id": %d, "provider": "patreon",
                 "external_id": "9001"}""".formatted(longVideo, creator, postOf(longVideo))));
        assertThat(body.path("alerts")).isEmpty();
    }

    @Test
    void limitShortensTheListButNotTheTotals() throws Exception {
        JsonNode body =
                JSON.readTree(get("/api/v1/stats/videos/skipped?limit=1").body());

        assertThat(body.path("videos")).hasSize(1);
        assertThat(body.at("/videos/0/id").asLong()).isEqualTo(youtubeVideo);
        assertThat(body.path("total_skipped").asLong()).isEqualTo(2);
        assertThat(body.at("/breakdown/duration_exceeded").asLong()).isEqualTo(1);
    }

    @Test
    void sourceIdKeepsOneSourcesVideosAndIgnoresUnknownParameters() throws Exception {
        long other = rows.source("othercreator");
        long othersVideo = rows.skippedVideo(other, "777", 2400, "2026-11-21T09:00:00Z");

        JsonNode body = JSON.readTree(get("/api/v1/stats/videos/skipped?source_id=" + other + "&colour=red")
                .body());
        JsonNode all = JSON.readTree(get("/api/v1/stats/videos/skipped").body());

        assertThat(body.path("total_skipped").asLong()).isEqualTo(1);
        assertThat(body.at("/videos/0/id").asLong()).isEqualTo(othersVideo);
        assertThat(body.at("/videos/0/duration_formatted").asText()).isEqualTo("40:00");
        assertThat(all.path("total_skipped").asLong()).isEqualTo(3);
        assertThat(all.at("/videos/0/id").asLong())
                .as("newest of all sources first")
                .isEqualTo(othersVideo);
    }

    @Test
    void aSkippedAtThatIsNotATimeSortsLastInsteadOfFailing() throws Exception {
        long handEdited = rows.skippedVideo(
                creator, VideoProvider.vimeo, "123456", "Edited", 4000, "duration_exceeded", "sometime in May");

        HttpResponse<String> response = get("/api/v1/stats/videos/skipped");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode videos = JSON.readTree(response.body()).path("videos");
        assertThat(videos).hasSize(3);
        assertThat(videos.at("/2/id").asLong()).isEqualTo(handEdited);
        assertThat(videos.at("/2/skipped_at").asText()).isEqualTo("sometime in May");
        assertThat(videos.at("/2/duration_formatted").asText()).isEqualTo("1:06:40");
    }

    @Test
    void malformedParametersAnswer400NamingThem() throws Exception {
        assertBadRequest("limit=0", "limit=0: must be between 1 and 1000");
        assertBadRequest("limit=1001", "limit=1001: must be between 1 and 1000");
        assertBadRequest("limit=ten", "limit=ten: not a whole number");
        assertBadRequest("limit=", "limit=: not a whole number");
        assertBadRequest("limit=5&limit=6", "limit: given 2 times, expected once");
        assertBadRequest("source_id=abc", "source_id=abc: not a whole number");
        assertBadRequest("source_id=-3", "source_id=-3: must be between 1 and");
        assertThat(get("/api/v1/stats/videos?source_id=x").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/stats/videos/skipped?limit=1000").statusCode()).isEqualTo(200);
    }

    @Test
    void alertFlagsOnlySourcesWithMoreThanHalfSkipped() throws Exception {
        long mostlySkipped = rows.source("mostlyskipped");
        rows.skippedVideo(mostlySkipped, "m1", 3000, "2026-11-21T09:00:00Z");
        rows.skippedVideo(mostlySkipped, "m2", 3000, "2026-11-21T09:01:00Z");
        rows.video(mostlySkipped, "m3", "completed");
        long halfSkipped = rows.source("halfskipped");
        rows.skippedVideo(halfSkipped, "h1", 3000, "2026-11-21T09:00:00Z");
        rows.video(halfSkipped, "h2", "completed");
        rows.source("novideos");

        JsonNode alerts =
                JSON.readTree(get("/api/v1/stats/videos/skipped").body()).path("alerts");
        JsonNode ofHalf = JSON.readTree(
                get("/api/v1/stats/videos/skipped?source_id=" + halfSkipped).body());

        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).fieldNames())
                .toIterable()
                .containsExactly("source_id", "skipped", "videos", "message");
        assertThat(alerts.at("/0/source_id").asLong()).isEqualTo(mostlySkipped);
        assertThat(alerts.at("/0/skipped").asLong()).isEqualTo(2);
        assertThat(alerts.at("/0/videos").asLong()).isEqualTo(3);
        assertThat(alerts.at("/0/message").asText()).contains("mostlyskipped", "2 of 3 videos skipped");
        assertThat(ofHalf.path("alerts")).isEmpty();
    }

    @Test
    void videoCountsHaveEveryStatusOptionallyForOneSource() throws Exception {
        long other = rows.source("othercreator");
        rows.video(other, "x", "failed");

        JsonNode all = JSON.readTree(get("/api/v1/stats/videos").body()).path("videos");
        JsonNode ofOther = JSON.readTree(
                        get("/api/v1/stats/videos?source_id=" + other).body())
                .path("videos");

        assertThat(all.fieldNames())
                .toIterable()
                .containsExactly(
                        "pending",
                        "queued",
                        "processing",
                        "completed",
                        "embedded",
                        "view_on_patreon",
                        "skipped",
                        "failed");
        assertThat(all.path("skipped").asLong()).isEqualTo(2);
        assertThat(all.path("completed").asLong()).isEqualTo(3);
        assertThat(all.path("failed").asLong()).isEqualTo(1);
        assertThat(ofOther.path("failed").asLong()).isEqualTo(1);
        assertThat(ofOther.path("completed").asLong()).isZero();
        assertThat(ofOther.path("pending").asLong()).isZero();
    }

    @Test
    void metricsReportQueueDepthsSkippedVideosAndBytesInPrometheusText() throws Exception {
        queue.enqueue(JobTypes.SYNC_CREATOR, new JobTypes.SyncCreator(creator, false));
        queue.enqueue(JobTypes.DOWNLOAD_MEDIA, new JobTypes.DownloadMedia(5));
        queue.enqueue(JobTypes.DOWNLOAD_MEDIA, new JobTypes.DownloadMedia(6));
        rows.mediaFile(1000);
        rows.mediaFile(500);
        // What the workers count as their jobs end (JobRunner): three done and one retried on phase2.
        for (int i = 0; i < 3; i++) {
            TestServices.redisson()
                    .getAtomicLong(QueueKeys.outcomes(Queues.PHASE2, JobOutcome.SUCCEEDED))
                    .incrementAndGet();
        }
        TestServices.redisson()
                .getAtomicLong(QueueKeys.outcomes(Queues.PHASE2, JobOutcome.RETRY_SCHEDULED))
                .incrementAndGet();

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body().lines())
                .contains(
                        "archiver_queue_jobs{queue=\"phase1\",state=\"ready\"} 1.0",
                        "archiver_queue_jobs{queue=\"media\",state=\"ready\"} 2.0",
                        "archiver_queue_jobs{queue=\"media\",state=\"dead\"} 0.0",
                        "archiver_queue_jobs{queue=\"phase3\",state=\"delayed\"} 0.0",
                        "archiver_videos_skipped 2.0",
                        "archiver_downloaded_bytes 1500.0",
                        "archiver_jobs_total{outcome=\"succeeded\",queue=\"phase2\"} 3.0",
                        "archiver_jobs_total{outcome=\"retry_scheduled\",queue=\"phase2\"} 1.0",
                        "archiver_jobs_total{outcome=\"dead_lettered\",queue=\"media\"} 0.0");
    }

    private long postOf(long video) {
        return rows.dsl().fetchValue(VIDEOS.POST_ID, VIDEOS.ID.eq(video));
    }

    private void assertBadRequest(String query, String error) throws Exception {
        HttpResponse<String> response = get("/api/v1/stats/videos/skipped?" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(response.body()).path("error").asText())
                .as(query)
                .startsWith(error);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
