package org.creatorarchiver.phase2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.queue.Job;
import org.creatorarchiver.queue.JobFailure;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.queue.RetryPolicy;
import org.creatorarchiver.queue.WorkerRuntime;
import org.creatorarchiver.testing.TestWorkers;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clear outcomes when a post or a download goes wrong, and nothing partial. */
class ProcessingFailuresTest {

    @TempDir
    Path mediaDir;

    private Phase2Harness phase2;
    private WorkerRuntime runtime;

    @BeforeEach
    void start() {
        phase2 = new Phase2Harness(mediaDir, 7);
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.shutdown();
        }
        phase2.close();
    }

    @Test
    void anUnreachableYouTubeVideoStaysQueuedWhileRetriedThenFailsAndIsDeadLettered() throws Exception {
        String post = phase2.creator.postId(5);
        phase2.creator.embedYouTube(post, "http://127.0.0.1:1/watch?v=uNreachabl1");
        phase2.settings(Phase2Harness.defaultsWithYouTube(Settings.YoutubeMode.DOWNLOAD, false));
        phase2.process(post);
        assertThat(phase2.videos(post).getFirst().getStatus()).isEqualTo(VideoStatus.queued);

        runtime = TestWorkers.start(
                "test-phase2",
                JobTypes.DOWNLOAD_MEDIA,
                phase2.handlers().downloads(),
                RetryPolicy.exponential(2, Duration.ofMillis(300)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> phase2.queue.counts(Queues.MEDIA).delayed() == 1);
        assertThat(phase2.videos(post).getFirst().getStatus())
                .as("while retried")
                .isEqualTo(VideoStatus.queued);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> phase2.queue.counts(Queues.MEDIA).dead() == 1);

        VideosRecord video = phase2.videos(post).getFirst();
        assertThat(video.getStatus()).isEqualTo(VideoStatus.failed);
        assertThat(video.getLastError()).contains("gave up after 3 attempts").contains("yt-dlp");
        PostMediaRecord item = phase2.media(post).stream()
                .filter(m -> m.getKind() == PostMediaKind.embed)
                .findFirst()
                .orElseThrow();
        assertThat(item.getStatus()).isEqualTo(PostMediaStatus.failed);
        List<Job> dead = phase2.queue.deadJobs(Queues.MEDIA, 10);
        assertThat(dead.getFirst().lastError()).contains("yt-dlp");
        assertThat(phase2.tempFilesLeft()).isEmpty();
    }

    @Test
    void aPostPatreonNoLongerHasFailsWithoutRetryNamingTheReason() {
        String post = phase2.creator.postId(3);
        phase2.patreon.script(
                request -> request.getUrl().encodedPath().equals("/api/posts/" + post),
                FakePatreon.json(404, "{\"errors\":[{\"status\":\"404\",\"title\":\"Not Found\"}]}"));

        assertThatThrownBy(() -> phase2.process(post))
                .isInstanceOfSatisfying(
                        JobFailure.class,
                        failure -> assertThat(failure.outcome()).isEqualTo(JobFailure.PERMANENT))
                .hasMessageContaining(post)
                .hasMessageContaining("404");
        assertThat(phase2.media(post)).isEmpty();
    }

    @Test
    void malformedPostJsonIsRetriedAndWritesNothing() {
        String post = phase2.creator.postId(3);
        phase2.patreon.script(
                request -> request.getUrl().encodedPath().equals("/api/posts/" + post), FakePatreon.truncatedJson());

        assertThatThrownBy(() -> phase2.process(post))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("/api/posts/" + post)
                .hasMessageContaining("not JSON");
        assertThat(phase2.media(post)).isEmpty();
        assertThat(phase2.post(post).getContentHtml()).isNull();
        assertThat(phase2.post(post).getDetailsExtractedAt()).isNull();
    }

    @Test
    void unknownTipTapNodesKeepTheirText() throws Exception {
        String post = phase2.creator.postId(6);
        phase2.creator.setTipTap(post, """
                {"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Known"}]},
                 {"type":"pollWidget","content":[{"type":"text","text":"Which ship next?"}]}]}""");

        phase2.process(post);

        assertThat(phase2.post(post).getStatus()).isEqualTo(PostStatus.completed);
        assertThat(phase2.post(post).getContentText()).contains("Known").contains("Which ship next?");
    }

    @Test
    void anUnreadableTipTapDocumentFailsThePostWithTheReason() {
        String post = phase2.creator.postId(6);
        phase2.creator.setTipTap(post, "{\"type\":\"doc\",\"content\":[");

        assertThatThrownBy(() -> phase2.process(post))
                .isInstanceOfSatisfying(
                        JobFailure.class,
                        failure -> assertThat(failure.outcome()).isEqualTo(JobFailure.PERMANENT))
                .hasMessageContaining("content_json_string");
        assertThat(phase2.media(post)).isEmpty();
    }

    @Test
    void anExpiredSignedUrlIsRefreshedFromThePostOnce() throws Exception {
        String post = phase2.creator.postId(3);
        phase2.process(post);
        PostMediaRecord audio = phase2.media(post).getFirst();
        String path = okhttp3.HttpUrl.get(audio.getSourceUrl()).encodedPath();
        phase2.patreon.script(
                request -> request.getUrl().encodedPath().equals(path),
                new mockwebserver3.MockResponse.Builder()
                        .code(403)
                        .body("Request has expired")
                        .build());

        phase2.downloadAll();

        PostMediaRecord after = phase2.media(post).getFirst();
        assertThat(after.getStatus()).isEqualTo(PostMediaStatus.downloaded);
        assertThat(phase2.patreon.requests("/api/posts/" + post)).hasSize(2);
    }
}
