package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code transcript VIDEO_ID} and {@code GET /api/v1/videos/{id}/transcript} over rows as phase 4 leaves them: the
 * same object, the summary the settings ask for, WebVTT a player reads, and one clear line when there is nothing.
 */
class TranscriptCliAndApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEGMENTS = """
            [{"start": 0.0, "end": 4.5, "text": "Hola a todos."},
             {"start": 4.5, "end": 3725.25, "text": "Hoy: <canciones> & más"}]""";

    private TranscriptRows rows;
    private TestApi api;
    private long video;
    private long secondVideoOfTheSameFile;
    private long pendingYoutubeVideo;
    private long videoWithoutFile;
    private long source;
    private long post;

    @BeforeEach
    void aTranscribedVideo() throws Exception {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        rows = new TranscriptRows(TestDatabase.migrated());
        source = new ArchiveRows().source("skyforge");
        post = rows.post(source, "Canciones de otoño", "Un vídeo largo");
        long file = rows.mediaFile();
        video = rows.downloadedVideo(source, post, "Otoño", file);
        secondVideoOfTheSameFile = rows.downloadedVideo(source, rows.post(source, "Again", null), "Again", file);
        long transcript = rows.fileTranscript(file, "es", "Hola a todos. Hoy: <canciones> & más", SEGMENTS);
        rows.summary(transcript, "deepseek-chat", "es", "Un saludo y canciones.", "2026-12-01T10:00:00Z");
        rows.summary(transcript, "gpt-4o-mini", "en", "A greeting and songs.", "2026-12-02T10:00:00Z");
        pendingYoutubeVideo = rows.youtubeVideo(source, post, "dQw4w9WgXcQ");
        rows.youtubeTranscript("dQw4w9WgXcQ", TranscriptStatus.pending, null);
        videoWithoutFile = new ArchiveRows().video(source, "never-downloaded", "queued");
        api = TestApi.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void cliAndApiAnswerTheSameObjectWithTheConfiguredSummaryThoughANewerOneExists() throws Exception {
        JsonNode cli = cli("transcript", Long.toString(video), "--format", "json");

        assertThat(cli).isEqualTo(api.json("/api/v1/videos/" + video + "/transcript"));
        assertThat(cli.fieldNames())
                .toIterable()
                .containsExactly("video_id", "source", "language", "text", "segments", "summary");
        assertThat(cli).isEqualTo(JSON.readTree("""
                {"video_id": %d, "source": "whisper", "language": "es",
                 "text": "Hola a todos. Hoy: <canciones> & más",
                 "segments": [{"start": 0.0, "end": 4.5, "text": "Hola a todos."},
                              {"start": 4.5, "end": 3725.25, "text": "Hoy: <canciones> & más"}],
                 "summary": {"text": "Un saludo y canciones.", "model": "deepseek-chat", "language": "es"}}""".formatted(video)));
    }

    @Test
    void everyVideoOfTheSameFileShowsItsOneTranscript() throws Exception {
        JsonNode other = api.json("/api/v1/videos/" + secondVideoOfTheSameFile + "/transcript");

        assertThat(other.path("video_id").asLong()).isEqualTo(secondVideoOfTheSameFile);
        assertThat(other.path("text").asText()).isEqualTo("Hola a todos. Hoy: <canciones> & más");
    }

    @Test
    void withoutASummaryOfTheConfiguredModelTheNewestOfAnyIsShownAndNoneIsNull() throws Exception {
        long file = rows.mediaFile();
        long otherVideo = rows.downloadedVideo(source, post, "Other", file);
        long transcript = rows.fileTranscript(file, "en", "Just words.", "[]");
        assertThat(api.json("/api/v1/videos/" + otherVideo + "/transcript")
                        .get("summary")
                        .isNull())
                .isTrue();

        rows.summary(transcript, "gpt-4o-mini", "en", "Older.", "2026-12-01T10:00:00Z");
        rows.summary(transcript, "deepseek-chat", "en", "Newer, other language.", "2026-12-02T10:00:00Z");

        assertThat(api.json("/api/v1/videos/" + otherVideo + "/transcript")
                        .at("/summary/text")
                        .asText())
                .isEqualTo("Newer, other language.");
    }

    @Test
    void textPrintsThePlainTextByDefault() {
        CommandRun run = CommandRun.of("transcript", Long.toString(video));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Hola a todos. Hoy: <canciones> & más" + System.lineSeparator());
    }

    @Test
    void vttIsAValidWebVttWithMillisecondTimingsAndEscapedCueText() {
        CommandRun run = CommandRun.of("transcript", Long.toString(video), "--format", "vtt");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                WEBVTT

                1
                00:00:00.000 --> 00:00:04.500
                Hola a todos.

                2
                00:00:04.500 --> 01:02:05.250
                Hoy: &lt;canciones&gt; &amp; más
                """);
    }

    @Test
    void anUnknownVideoIsOneLineWithExit1AndA404() throws Exception {
        CommandRun run = CommandRun.of("transcript", "999999");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("transcript: no video with id 999999" + System.lineSeparator());
        assertThat(api.json("/api/v1/videos/999999/transcript", 404)
                        .path("error")
                        .asText())
                .isEqualTo("no video with id 999999");
    }

    @Test
    void aVideoWithoutACompletedTranscriptSaysWhy() throws Exception {
        CommandRun pending = CommandRun.of("transcript", Long.toString(pendingYoutubeVideo));
        CommandRun none = CommandRun.of("transcript", Long.toString(videoWithoutFile), "--format", "vtt");

        assertThat(pending.exitCode()).isEqualTo(1);
        assertThat(pending.err())
                .isEqualTo("transcript: video " + pendingYoutubeVideo + " has no completed transcript (it is pending)"
                        + System.lineSeparator());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("video " + videoWithoutFile + " has no transcript");
        assertThat(api.json("/api/v1/videos/" + videoWithoutFile + "/transcript", 404)
                        .path("error")
                        .asText())
                .isEqualTo("video " + videoWithoutFile + " has no transcript");
    }

    @Test
    void aBadFormatOrIdIsRefusedNamingIt() throws Exception {
        CommandRun run = CommandRun.of("transcript", Long.toString(video), "--format", "srt");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--format=srt: expected text, vtt or json");
        assertThat(api.json("/api/v1/videos/abc/transcript", 400).path("error").asText())
                .isEqualTo("video_id=abc: not a whole number");
        assertThat(api.json("/api/v1/videos/0/transcript", 400).path("error").asText())
                .isEqualTo("video_id=0: must be 1 or more");
        assertThat(api.get("/api/v1/videos//transcript").statusCode()).isEqualTo(404);
    }

    private static JsonNode cli(String... args) throws Exception {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }
}
