package org.creatorarchiver.phase4.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.creatorarchiver.http.HostPauses;
import org.creatorarchiver.phase4.text.Segment;
import org.creatorarchiver.queue.JobFailure;
import org.creatorarchiver.testing.openai.Endpoint;
import org.creatorarchiver.testing.openai.FakeOpenAi;
import org.creatorarchiver.testing.openai.OpenAiCall;
import org.creatorarchiver.testing.openai.ScriptedAnswer;
import org.creatorarchiver.testing.openai.TestAudio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Phase 4's transcription client against the fake OpenAI, with real audio made by ffmpeg. */
class TranscriptionApiTest {

    @TempDir
    Path directory;

    private FakeOpenAi fake;
    private HostPauses pauses;
    private TranscriptionApi api;

    @BeforeEach
    void start() {
        fake = FakeOpenAi.start(PaidApis.KEY);
        pauses = PaidApis.freshPauses();
        api = TranscriptionApi.create(PaidApis.transcription(fake.baseUrl()), PaidApis.KEYS, pauses, PaidApis.QUICK);
    }

    @AfterEach
    void stop() {
        api.close();
        fake.close();
    }

    @Test
    void aChunkComesBackAsTimedSegmentsFromItsOwnStartWithTheLanguageAndItsSeconds() throws Exception {
        Path chunk = TestAudio.tone(directory.resolve("chunk-000.mp3"), 12);

        TranscribedChunk heard = api.transcribe(chunk, Optional.of("es"));

        assertThat(heard.audioSeconds()).isCloseTo(12.0, within(0.1));
        assertThat(heard.text().language()).contains("es");
        assertThat(heard.text().segments()).extracting(Segment::start).containsExactly(0.0, 5.0, 10.0);
        assertThat(heard.text().end()).isEqualTo(heard.audioSeconds());
        assertThat(heard.text().segments())
                .allSatisfy(segment ->
                        assertThat(segment.text()).doesNotStartWith(" ").endsWith("."))
                .extracting(Segment::text)
                .doesNotHaveDuplicates();
        OpenAiCall call = fake.paidCalls(Endpoint.TRANSCRIPTIONS).getFirst();
        assertThat(call.uploadSha256()).isEqualTo(sha256(chunk));
        assertThat(call.model()).isEqualTo("whisper-1");
        assertThat(call.language()).isEqualTo("es");
    }

    @Test
    void withoutALanguageTheDetectedOneComesBackAsItsCode() throws Exception {
        Path chunk = TestAudio.tone(directory.resolve("chunk.ogg"), 3);

        TranscribedChunk heard = api.transcribe(chunk, Optional.empty());

        assertThat(heard.text().language()).contains("en");
        assertThat(heard.text().segments()).singleElement().satisfies(segment -> {
            assertThat(segment.start()).isZero();
            assertThat(segment.end()).isCloseTo(3.0, within(0.1));
        });
        assertThat(fake.paidCalls(Endpoint.TRANSCRIPTIONS).getFirst().language())
                .isEmpty();
    }

    @Test
    void anUploadTooLargeForTheApiAsksForSmallerChunks() throws Exception {
        Path chunk = TestAudio.tone(directory.resolve("chunk.wav"), 3);
        fake.maxFileBytes(Files.size(chunk) / 2);

        assertThatThrownBy(() -> api.transcribe(chunk, Optional.empty()))
                .isInstanceOf(AudioTooLargeException.class)
                .hasMessageStartingWith(
                        "413 from POST " + fake.baseUrl() + "/audio/transcriptions: Maximum content size")
                .satisfies(failure ->
                        assertThat(((JobFailure) failure).retryable()).isFalse());
    }

    @Test
    void aMalformedAnswerFailsForGoodNamingTheEndpoint() throws Exception {
        Path chunk = TestAudio.tone(directory.resolve("chunk.mp3"), 2);
        fake.failNext(Endpoint.TRANSCRIPTIONS, 1, ScriptedAnswer.malformedJson());

        assertThatThrownBy(() -> api.transcribe(chunk, Optional.empty()))
                .isInstanceOf(JobFailure.class)
                .hasMessageStartingWith("malformed answer from POST " + fake.baseUrl() + "/audio/transcriptions: ")
                .satisfies(failure ->
                        assertThat(((JobFailure) failure).retryable()).isFalse());
    }

    @Test
    void anAnswerInAnotherFormatFailsForGoodNamingTheEndpoint() throws Exception {
        Path chunk = TestAudio.tone(directory.resolve("chunk.mp3"), 2);
        fake.failNext(
                Endpoint.TRANSCRIPTIONS,
                1,
                new ScriptedAnswer(200, Headers.of("Content-Type", "application/json"), "{\"text\": \"plain json\"}"));

        assertThatThrownBy(() -> api.transcribe(chunk, Optional.empty()))
                .isInstanceOf(JobFailure.class)
                .hasMessageStartingWith(
                        "malformed answer from POST " + fake.baseUrl() + "/audio/transcriptions: `duration` is not set")
                .satisfies(failure ->
                        assertThat(((JobFailure) failure).retryable()).isFalse());
    }

    @Test
    void aRedirectIsNotFollowedWithTheUploadAndFailsForGood() throws Exception {
        Path chunk = TestAudio.tone(directory.resolve("chunk.mp3"), 2);
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start(InetAddress.getByName("127.0.0.2"), 0);
            String target = elsewhere.url("/v1/audio/transcriptions").toString();
            fake.failNext(Endpoint.TRANSCRIPTIONS, 1, ScriptedAnswer.redirectTo(target));

            assertThatThrownBy(() -> api.transcribe(chunk, Optional.empty()))
                    .isInstanceOf(JobFailure.class)
                    .hasMessageStartingWith("307 from POST " + fake.baseUrl() + "/audio/transcriptions")
                    .satisfies(failure ->
                            assertThat(((JobFailure) failure).retryable()).isFalse());

            // The upload is streamed from the file once: OkHttp does not send it again, key or no key.
            assertThat(elsewhere.takeRequest(1, TimeUnit.SECONDS)).isNull();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
