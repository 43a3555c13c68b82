package org.creatorarchiver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.creatorarchiver.testing.openai.Endpoint;
import org.creatorarchiver.testing.openai.FakeOpenAi;
import org.creatorarchiver.testing.patreon.FakeCreator;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.creatorarchiver.testing.patreon.TestVideos;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A creator's Patreon video whose Mux stream carries captions, archived by the whole system in one process with
 * transcripts and summaries on: phase 2 keeps the caption track with the video, and phase 4 makes the transcript from
 * it without any call to the paid transcription API; only the summary is paid for.
 */
class MuxCaptionsIT {

    private static final String KEY = "sk-e2e-captions-3b9e1c";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path work;

    private final DSLContext db = TestDatabase.migrated();
    private final FakeOpenAi api = FakeOpenAi.start(KEY);
    private FakePatreon patreon;
    private ArchiverProcesses system;

    @BeforeEach
    void aCreatorWithOneCaptionedVideo(TestInfo test) throws Exception {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        Path videos = TestVideos.makeIn(Files.createDirectories(work.resolve("videos")));
        patreon = FakePatreon.start().videoSite(videos);
        FakeCreator creator =
                patreon.addCreator("captioner", "5150150", "7007007").addPosts(1);
        creator.setVideoDuration(creator.postId(0), TestVideos.CLIP_SECONDS);
        creator.captionVideo(creator.postId(0));
        system = new ArchiverProcesses(
                Path.of("target", "e2e-logs", test.getTestMethod().orElseThrow().getName()), environment());
    }

    @AfterEach
    void stopEverything() throws Exception {
        system.close();
        patreon.close();
        api.close();
    }

    @Test
    void theTranscriptComesFromTheMuxCaptionsWithoutAPaidTranscription() throws Exception {
        system.start("run", "all-in-one", "--port", "0", "captioner");

        await("the video's summary")
                .atMost(RUN_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .failFast("the system stopped", () -> !system.isRunning("run"))
                .until(() -> db.fetchCount(db.selectOne().from("summaries")) == 1);

        Record transcript = db.fetchSingle("SELECT status::text, source::text, text FROM transcripts");
        assertThat(transcript.get(0, String.class)).isEqualTo("completed");
        assertThat(transcript.get(1, String.class)).isEqualTo("captions");
        assertThat(transcript.get(2, String.class))
                .contains(TestVideos.MUX_CAPTIONS.get(0))
                .contains(TestVideos.MUX_CAPTIONS.get(1));
        assertThat(api.calls(Endpoint.TRANSCRIPTIONS))
                .as("calls to the transcription API")
                .isEmpty();
        assertThat(api.paidCalls(Endpoint.CHAT)).as("paid summary calls").hasSize(1);
        assertThat(db.fetchCount(db.selectOne().from("paid_calls").where("kind = 'transcription'")))
                .as("transcription calls in the archive's ledger")
                .isZero();
        assertThat(system.allLogs()).doesNotContain(KEY);
    }

    private Map<String, String> environment() throws Exception {
        Path settings = Files.writeString(work.resolve("settings.json"), """
                {"transcription": {"enabled": true, "base_url": "%1$s"},
                 "summary": {"enabled": true, "base_url": "%1$s"}}
                """.formatted(api.baseUrl()));
        Map<String, String> environment = new HashMap<>(ArchiverProcesses.servicesEnvironment());
        environment.putAll(Map.of(
                "MEDIA_DIR",
                work.resolve("media").toString(),
                "PATREON_BASE_URL",
                patreon.baseUrl().toString(),
                "PATREON_SESSION_ID",
                "e2e-session-captions",
                "ARCHIVER_SETTINGS",
                settings.toString(),
                "TRANSCRIPTION_API_KEY",
                KEY,
                "SUMMARY_API_KEY",
                KEY,
                "LOG_LEVEL",
                "INFO"));
        return environment;
    }
}
