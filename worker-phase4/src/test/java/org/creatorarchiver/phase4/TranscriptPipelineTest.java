package org.creatorarchiver.phase4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.creatorarchiver.db.generated.Tables.PAID_CALLS;
import static org.creatorarchiver.db.generated.Tables.TRANSCRIPT_CHUNKS;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.TranscriptSource;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.phase4.store.SegmentsJson;
import org.creatorarchiver.phase4.text.Segment;
import org.creatorarchiver.queue.JobFailure;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.openai.Endpoint;
import org.creatorarchiver.testing.openai.TestAudio;
import org.creatorarchiver.transcripts.TranscriptContent;
import org.jooq.JSONB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept recording's way to a transcript, as the transcribe job takes it: the duration policy first, captions
 * before any paid call, the audio in chunks stitched back together, every content paid for once, under the budget.
 */
class TranscriptPipelineTest {

    @TempDir
    Path dir;

    private Phase4Harness archive;

    @BeforeEach
    void anEmptyArchiveAndAFreshFake() {
        archive = new Phase4Harness(dir.resolve("media"));
    }

    @AfterEach
    void stopTheFake() {
        archive.close();
    }

    @Test
    void aTwentyFiveMinuteRecordingIsSplitSentAndStitchedWithTimesInOrderOverTheWhole() throws Exception {
        long file = archive.storeFile(TestAudio.tone(dir.resolve("talk.mp3"), 1500), "mp3");
        archive.keptVideo(file, 1500, "{}");
        long id = archive.requests(archive.settings())
                .requestDownloaded(List.of(TranscriptContent.ofFile(file)))
                .getFirst();

        archive.transcribe(archive.transcribeHandler(archive.settings()), id);

        var transcript = archive.transcript(id);
        assertThat(transcript.getStatus()).isEqualTo(TranscriptStatus.completed);
        assertThat(transcript.getSource()).isEqualTo(TranscriptSource.whisper);
        assertThat(transcript.getModel()).isEqualTo("whisper-1");
        List<Segment> segments = SegmentsJson.read(transcript.getSegments());
        assertThat(segments.getFirst().start()).isLessThan(1);
        assertThat(segments.getLast().end()).isCloseTo(1500, within(1.0));
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).start())
                    .isGreaterThanOrEqualTo(segments.get(i - 1).end() - 0.001);
        }
        assertThat(archive.api.paidCalls(Endpoint.TRANSCRIPTIONS)).hasSize(3);
        assertThat(archive.api.paidCalls(Endpoint.TRANSCRIPTIONS))
                .allSatisfy(call -> assertThat(call.audioSeconds()).isLessThanOrEqualTo(600.5));
        // 25 minutes at $0.006 a minute (the API bills the seconds it measured: a few milliseconds more).
        assertThat(transcript.getCostUsd()).isCloseTo(new BigDecimal("0.15"), within(new BigDecimal("0.0001")));
        assertThat(archive.queue.counts(Queues.SUMMARIZE).ready()).isEqualTo(1);
    }

    @Test
    void oneFileInThreePostsGetsOneTranscriptAndOneCallHoweverOftenItIsAskedFor() throws Exception {
        long file = archive.storeFile(TestAudio.tone(dir.resolve("song.mp3"), 40), "mp3");
        var requests = archive.requests(archive.settings());
        for (int post = 0; post < 3; post++) {
            archive.keptVideo(file, 40, "{}");
            requests.requestDownloaded(List.of(TranscriptContent.ofFile(file)));
        }
        long id = archive.transcriptOf(TranscriptContent.ofFile(file));
        TranscribeHandler handler = archive.transcribeHandler(archive.settings());

        archive.transcribe(handler, id);
        archive.transcribe(handler, id); // the same job delivered again
        requests.requestDownloaded(List.of(TranscriptContent.ofFile(file))); // a post processed again

        assertThat(archive.transcript(id).getStatus()).isEqualTo(TranscriptStatus.completed);
        assertThat(archive.api.paidCalls(Endpoint.TRANSCRIPTIONS)).hasSize(1);
        assertThat(archive.queue.counts(Queues.TRANSCRIBE).ready()).isEqualTo(1);
        assertThat(archive.db.fetchCount(PAID_CALLS)).isEqualTo(1);
    }

    @Test
    void storedCaptionsMakeTheTranscriptWithoutAnyPaidCall() throws Exception {
        long file = archive.storeFile(TestAudio.tone(dir.resolve("clip.mp3"), 30), "mp3");
        long video = archive.keptVideo(file, 30, "{}");
        long subtitles =
                archive.storeFile(writeVtt(dir.resolve("clip.es.vtt"), "Hola a todos", "y bienvenidos"), "vtt");
        archive.db.execute(
                "INSERT INTO video_subtitles (video_id, language, auto_generated, media_file_id) VALUES (?, 'es', false, ?)",
                video,
                subtitles);
        long id = archive.requests(archive.settings())
                .requestDownloaded(List.of(TranscriptContent.ofFile(file)))
                .getFirst();

        archive.transcribe(archive.transcribeHandler(archive.settings()), id);

        var transcript = archive.transcript(id);
        assertThat(transcript.getSource()).isEqualTo(TranscriptSource.captions);
        assertThat(transcript.getText()).isEqualTo("Hola a todos y bienvenidos");
        assertThat(transcript.getLanguage()).isEqualTo("es");
        assertThat(archive.api.calls()).isEmpty();
    }

    @Test
    void aVideoOverItsLimitGetsNoCallUntilItIsProcessedAnyway() throws Exception {
        long file = archive.storeFile(TestAudio.tone(dir.resolve("long.mp3"), 45), "mp3");
        long video = archive.keptVideo(file, 3000, "{}");
        var requests = archive.requests(archive.settings());
        long id = requests.requestDownloaded(List.of(TranscriptContent.ofFile(file)))
                .getFirst();
        TranscribeHandler handler = archive.transcribeHandler(archive.settings());

        archive.transcribe(handler, id);

        assertThat(archive.transcript(id).getStatus()).isEqualTo(TranscriptStatus.skipped);
        assertThat(archive.transcript(id).getLastError()).contains("3000 s > 2159 s");
        assertThat(archive.api.calls()).isEmpty();

        // process-anyway: phase 2 archives the video again with the mark used up, and asks once more.
        archive.db
                .update(VIDEOS)
                .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf("{\"processed_anyway\": true}"))
                .where(VIDEOS.ID.eq(video))
                .execute();
        assertThat(requests.requestDownloaded(List.of(TranscriptContent.ofFile(file))))
                .containsExactly(id);
        archive.transcribe(handler, id);

        assertThat(archive.transcript(id).getStatus()).isEqualTo(TranscriptStatus.completed);
        assertThat(archive.api.paidCalls(Endpoint.TRANSCRIPTIONS)).hasSize(1);
    }

    @Test
    void onceTheDailyBudgetIsSpentTheJobWaitsForTheNextUtcDayAndResumesWhereItStopped() throws Exception {
        Settings settings = archive.settings(60, Optional.of(0.01), 24_000);
        long file = archive.storeFile(TestAudio.tone(dir.resolve("two-minutes.mp3"), 120), "mp3");
        archive.keptAudio(file);
        long id = archive.requests(settings)
                .requestDownloaded(List.of(TranscriptContent.ofFile(file)))
                .getFirst();
        TranscribeHandler handler = archive.transcribeHandler(settings);

        assertThatThrownBy(() -> archive.transcribe(handler, id))
                .isInstanceOfSatisfying(
                        JobFailure.class,
                        failure -> assertThat(failure.outcome())
                                .isEqualTo(new JobFailure.Postpone(Instant.parse("2026-12-04T00:00:00Z"))));
        assertThat(archive.transcript(id).getStatus()).isEqualTo(TranscriptStatus.processing);
        assertThat(archive.db.fetchCount(TRANSCRIPT_CHUNKS)).isEqualTo(1);
        assertThat(archive.api.paidCalls(Endpoint.TRANSCRIPTIONS)).hasSize(1);

        archive.clock.advance(Duration.ofHours(14));
        archive.transcribe(handler, id);

        // The first minute is not sent again: one paid call per chunk kept, two minutes paid in all.
        assertThat(archive.transcript(id).getStatus()).isEqualTo(TranscriptStatus.completed);
        int chunks = archive.db.fetchCount(TRANSCRIPT_CHUNKS);
        assertThat(chunks).isGreaterThanOrEqualTo(2);
        assertThat(archive.api.paidCalls(Endpoint.TRANSCRIPTIONS)).hasSize(chunks);
        assertThat(archive.transcript(id).getCostUsd())
                .isCloseTo(new BigDecimal("0.012"), within(new BigDecimal("0.0001")));
    }

    @Test
    void aChunkTheApiFindsTooLargeIsSentAgainInSmallerChunks() throws Exception {
        archive.api.maxFileBytes(200_000); // about 50 s of the 32 kbit/s audio sent
        long file = archive.storeFile(TestAudio.tone(dir.resolve("lecture.mp3"), 150), "mp3");
        archive.keptAudio(file);
        long id = archive.requests(archive.settings())
                .requestDownloaded(List.of(TranscriptContent.ofFile(file)))
                .getFirst();

        archive.transcribe(archive.transcribeHandler(archive.settings()), id);

        assertThat(archive.transcript(id).getStatus()).isEqualTo(TranscriptStatus.completed);
        assertThat(archive.api.calls(Endpoint.TRANSCRIPTIONS).stream().filter(call -> call.status() == 413))
                .isNotEmpty();
        assertThat(archive.api.paidCalls(Endpoint.TRANSCRIPTIONS))
                .allSatisfy(call -> assertThat(call.uploadBytes()).isLessThanOrEqualTo(200_000));
        List<Segment> segments = SegmentsJson.read(archive.transcript(id).getSegments());
        assertThat(segments.getLast().end()).isCloseTo(150, within(1.0));
    }

    private static Path writeVtt(Path file, String first, String second) throws Exception {
        return java.nio.file.Files.writeString(file, """
                WEBVTT

                00:00:00.000 --> 00:00:02.000
                %s

                00:00:02.000 --> 00:00:04.000
                %s
                """.formatted(first, second));
    }
}
