package org.creatorarchiver.phase4.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.creatorarchiver.config.ApiKeys;
import org.creatorarchiver.config.Secret;
import org.creatorarchiver.http.HostPauses;
import org.creatorarchiver.http.Origin;
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
import org.slf4j.LoggerFactory;

/** What each failure of a paid API means for the job, and that the key never shows on the way. */
class ApiFailuresTest {

    private static final String SYSTEM = "Summarize in Spanish.";
    private static final String TEXT = "A short transcript about sanding a table.";
    private static final Headers JSON = Headers.of("Content-Type", "application/json");

    private FakeOpenAi fake;
    private HostPauses pauses;
    private ChatApi api;
    private ListAppender<ILoggingEvent> logs;
    /** The project's, the client's and OkHttp's: every line they write during a test is read for the key. */
    private static final List<String> WATCHED_LOGGERS = List.of("org.creatorarchiver", "com.openai", "okhttp3");

    @BeforeEach
    void start() {
        fake = FakeOpenAi.start(PaidApis.KEY);
        pauses = PaidApis.freshPauses();
        api = chatApi(fake.baseUrl(), PaidApis.KEYS);
        logs = captureEveryLog();
    }

    @AfterEach
    void stop() {
        releaseLogs();
        api.close();
        fake.close();
        assertThat(logs.list).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(PaidApis.KEY);
            if (event.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        .doesNotContain(PaidApis.KEY);
            }
        });
    }

    @Test
    void aRefusedKeyFailsForGoodNamingTheSettingAndTheHostButNotTheKey(@TempDir Path directory) throws Exception {
        String wrong = "sk-proj-Wrong-Key-0001";
        try (ChatApi wrongKey = chatApi(fake.baseUrl(), keys(wrong))) {
            assertThatThrownBy(() -> wrongKey.complete(SYSTEM, TEXT))
                    .isInstanceOf(JobFailure.class)
                    .hasMessage("SUMMARY_API_KEY was refused by 127.0.0.1 (401): check the key")
                    .hasNoCause()
                    .satisfies(failure ->
                            assertThat(((JobFailure) failure).retryable()).isFalse());
        }
        Path chunk = TestAudio.tone(directory.resolve("chunk.mp3"), 1);
        fake.failNext(
                Endpoint.TRANSCRIPTIONS,
                1,
                new ScriptedAnswer(403, JSON, error("Project sk-proj-Quiet... lacks access")));
        try (TranscriptionApi transcription = TranscriptionApi.create(
                PaidApis.transcription(fake.baseUrl()), PaidApis.KEYS, pauses, PaidApis.QUICK)) {
            assertThatThrownBy(() -> transcription.transcribe(chunk, Optional.empty()))
                    .hasMessage("TRANSCRIPTION_API_KEY was refused by 127.0.0.1 (403): check the key");
        }
    }

    @Test
    void tooManyRequestsPausesTheHostForEveryWorkerForItsRetryAfter() {
        fake.failNext(Endpoint.CHAT, 1, ScriptedAnswer.rateLimited(Duration.ofSeconds(20)));
        Instant before = Instant.now();

        assertThatThrownBy(() -> api.complete(SYSTEM, TEXT)).isInstanceOfSatisfying(JobFailure.class, failure -> {
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(20));
            assertThat(failure.getMessage()).startsWith("429 from POST " + fake.baseUrl() + "/chat/completions");
        });

        Optional<Instant> pausedUntil = pauses.pausedUntil(origin());
        assertThat(pausedUntil).isPresent();
        assertThat(Duration.between(before, pausedUntil.get()).toMillis()).isCloseTo(20_000, within(2_000L));
        // Another worker's call: the pause is longer than a call waits, so it goes back to the queue unsent.
        assertThatThrownBy(() -> api.complete(SYSTEM, TEXT))
                .isInstanceOfSatisfying(
                        JobFailure.class,
                        failure -> assertThat(failure.retryAfter()).isPresent());
        assertThat(fake.calls(Endpoint.CHAT)).hasSize(1);
        assertThat(logs.list)
                .anySatisfy(event -> assertThat(event.getFormattedMessage())
                        .isEqualTo("http://127.0.0.1:" + fake.port() + " asked to wait: every worker pauses it until "
                                + pausedUntil.get()));
    }

    @Test
    void aBusyServiceNamingItsWaitAndOpenAisMillisecondsArePausesToo() {
        Headers busy = JSON.newBuilder().add("Retry-After", "2").build();
        fake.failNext(Endpoint.CHAT, 1, new ScriptedAnswer(503, busy, error("Slow down")));
        assertThatThrownBy(() -> api.complete(SYSTEM, TEXT))
                .isInstanceOfSatisfying(
                        JobFailure.class,
                        failure -> assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2)));
        assertThat(pauses.pausedUntil(origin())).isPresent();

        PaidApis.freshPauses();
        Headers millis = JSON.newBuilder().add("retry-after-ms", "1500").build();
        fake.failNext(Endpoint.CHAT, 1, new ScriptedAnswer(429, millis, error("Rate limit reached")));
        assertThatThrownBy(() -> api.complete(SYSTEM, TEXT))
                .isInstanceOfSatisfying(
                        JobFailure.class,
                        failure -> assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2)));
    }

    @Test
    void aCallWaitsOutAShortPauseBeforeSending() throws Exception {
        fake.failNext(Endpoint.CHAT, 1, ScriptedAnswer.rateLimited(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> api.complete(SYSTEM, TEXT)).isInstanceOf(JobFailure.class);
        Instant pausedUntil = pauses.pausedUntil(origin()).orElseThrow();

        ChatAnswer answer = api.complete(SYSTEM, TEXT);

        assertThat(answer.text()).contains("Spanish");
        assertThat(fake.calls(Endpoint.CHAT)).extracting(OpenAiCall::status).containsExactly(429, 200);
        assertThat(fake.calls(Endpoint.CHAT).get(1).arrivedAt()).isAfterOrEqualTo(pausedUntil);
    }

    @Test
    void serverErrorsTimeoutsAndRefusedConnectionsAreRetried() throws Exception {
        fake.failNext(Endpoint.CHAT, 1, ScriptedAnswer.serverError());
        fake.failNext(Endpoint.CHAT, 1, new ScriptedAnswer(503, JSON, error("The engine is currently overloaded")));
        assertRetried(api, "500 from POST " + fake.baseUrl() + "/chat/completions: The server had an error");
        assertRetried(api, "503 from POST " + fake.baseUrl() + "/chat/completions: The engine is currently overloaded");
        assertThat(pauses.pausedUntil(origin()))
                .as("a 503 without Retry-After pauses nobody")
                .isEmpty();

        fake.latency(Duration.ofSeconds(3));
        ApiTimeouts impatient = new ApiTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ZERO);
        try (ChatApi slow = ChatApi.create(PaidApis.summary(fake.baseUrl()), PaidApis.KEYS, pauses, impatient)) {
            assertRetried(slow, "POST " + fake.baseUrl() + "/chat/completions failed: ");
        }
        String closedPort = "http://127.0.0.1:" + freePort() + "/v1";
        try (ChatApi nobody = chatApi(closedPort, PaidApis.KEYS)) {
            assertRetried(nobody, "POST " + closedPort + "/chat/completions failed: ");
        }
    }

    @Test
    void anyOtherRefusalFailsForGoodWithTheServicesWordsAndNoKey() {
        fake.failNext(Endpoint.CHAT, 1, new ScriptedAnswer(400, JSON, error("Bad key " + PaidApis.KEY + " in body")));
        try (ChatApi noVersion = chatApi(fake.baseUrl().replace("/v1", ""), PaidApis.KEYS)) {
            assertThatThrownBy(() -> noVersion.complete(SYSTEM, TEXT))
                    .isInstanceOfSatisfying(
                            JobFailure.class,
                            failure -> assertThat(failure.retryable()).isFalse())
                    .hasMessage("404 from POST http://127.0.0.1:" + fake.port()
                            + "/chat/completions: Invalid URL (POST /chat/completions)");
        }
        assertThatThrownBy(() -> api.complete(SYSTEM, TEXT))
                .isInstanceOfSatisfying(
                        JobFailure.class,
                        failure -> assertThat(failure.retryable()).isFalse())
                .hasMessage("400 from POST " + fake.baseUrl() + "/chat/completions: Bad key **** in body");
    }

    @Test
    void aMissingKeyIsNamedWhenTheClientIsMade() {
        assertThatThrownBy(() -> ChatApi.create(PaidApis.summary(fake.baseUrl()), ApiKeys.NONE, pauses))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SUMMARY_API_KEY is not set");
    }

    private static void assertRetried(ChatApi api, String messageStart) {
        assertThatThrownBy(() -> api.complete(SYSTEM, TEXT)).isInstanceOfSatisfying(JobFailure.class, failure -> {
            assertThat(failure.outcome()).isEqualTo(JobFailure.RETRY);
            assertThat(failure.getMessage()).startsWith(messageStart).doesNotContain(PaidApis.KEY);
        });
    }

    private ChatApi chatApi(String baseUrl, ApiKeys keys) {
        return ChatApi.create(PaidApis.summary(baseUrl), keys, pauses, PaidApis.QUICK);
    }

    private static ApiKeys keys(String key) {
        return new ApiKeys(Optional.of(Secret.of(key)), Optional.of(Secret.of(key)));
    }

    private Origin origin() {
        return Origin.of(HttpUrl.get(fake.baseUrl()));
    }

    private static String error(String message) {
        return "{\"error\":{\"message\":\"" + message
                + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}";
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }

    private static ListAppender<ILoggingEvent> captureEveryLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(logger(WATCHED_LOGGERS.getFirst()).getLoggerContext());
        appender.start();
        for (String name : WATCHED_LOGGERS) {
            logger(name).setLevel(Level.ALL);
            logger(name).setAdditive(false);
            logger(name).addAppender(appender);
        }
        return appender;
    }

    private void releaseLogs() {
        for (String name : WATCHED_LOGGERS) {
            logger(name).detachAppender(logs);
            logger(name).setLevel(null);
            logger(name).setAdditive(true);
        }
    }
}
