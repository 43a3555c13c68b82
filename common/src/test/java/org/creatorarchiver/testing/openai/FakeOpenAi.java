package org.creatorarchiver.testing.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okio.BufferedSink;

/**
 * A strict local stand-in for an OpenAI-compatible API on 127.0.0.1 ({@code POST /v1/audio/transcriptions} and
 * {@code POST /v1/chat/completions}): it refuses what the real service refuses (a wrong key 401, a file over the
 * size limit 413, a file that is not audio 400, a malformed chat request 400, a prompt over the context limit 400
 * {@code context_length_exceeded}), with OpenAI's error JSON, and answers the rest deterministically from what was sent
 * (see {@link FakeTranscriptions} and {@link FakeChat}). Every request is recorded as an {@link OpenAiCall} so tests
 * can count what would be billed. Knobs: scripted answers for the next calls of an endpoint (429, 500, 401, malformed
 * JSON, a redirect), latency, and a hold that keeps calls in flight until released.
 */
public final class FakeOpenAi implements AutoCloseable {

    /** OpenAI's limit on an uploaded file: 25 MB. */
    public static final long MAX_FILE_BYTES = FakeTranscriptions.MAX_FILE_BYTES;
    /** The length of every segment but the last in a transcription. */
    public static final double SEGMENT_SECONDS = FakeTranscriptions.SEGMENT_SECONDS;

    private static final String API_PREFIX = "/v1";
    /** Not OpenAI's: the calls so far as JSON, for a script that runs the fake as a process ({@link FakeOpenAiServer}). */
    public static final String CALLS_PATH = "/_fake/calls";

    private final String key;
    private final MockWebServer server = new MockWebServer();
    private final FakeTranscriptions transcriptions = new FakeTranscriptions();
    private final FakeChat chat = new FakeChat();
    private final List<OpenAiCall> calls = new CopyOnWriteArrayList<>();
    private final Map<Endpoint, Queue<ScriptedAnswer>> scripted = new ConcurrentHashMap<>();
    private final AtomicInteger held = new AtomicInteger();
    private volatile long maxFileBytes = MAX_FILE_BYTES;
    private volatile Optional<Long> contextLimit = Optional.empty();
    private volatile Duration latency = Duration.ZERO;
    private volatile CountDownLatch hold;

    private FakeOpenAi(String key) {
        this.key = key;
    }

    /** A fake on any free port that accepts {@code Authorization: Bearer <key>} only. */
    public static FakeOpenAi start(String key) {
        return start(key, 0);
    }

    /** @param port the port on 127.0.0.1, 0 for any free one */
    public static FakeOpenAi start(String key, int port) {
        FakeOpenAi fake = new FakeOpenAi(key);
        fake.server.setDispatcher(fake.new Router());
        try {
            fake.server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fake;
    }

    /** What {@code transcription.base_url} or {@code summary.base_url} point at: {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort() + API_PREFIX;
    }

    public int port() {
        return server.getPort();
    }

    /** A lower upload limit than OpenAI's 25 MB, so a test needs no large file to see the 413. */
    public FakeOpenAi maxFileBytes(long bytes) {
        this.maxFileBytes = bytes;
        return this;
    }

    /** The model's context window in tokens (characters / 4); a longer prompt is refused. Unset: no limit. */
    public FakeOpenAi contextLimit(long tokens) {
        this.contextLimit = Optional.of(tokens);
        return this;
    }

    /** Delay before every answer, as a model that takes its time. */
    public FakeOpenAi latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** Calls arriving from now on wait, already recorded, until {@link #releaseCalls()}: calls in flight on demand. */
    public FakeOpenAi holdCalls() {
        hold = new CountDownLatch(1);
        return this;
    }

    /** Lets the held calls answer, and the next ones go through. */
    public FakeOpenAi releaseCalls() {
        CountDownLatch current = hold;
        hold = null;
        if (current != null) {
            current.countDown();
        }
        return this;
    }

    /** How many calls wait in {@link #holdCalls()} now. */
    public int heldCalls() {
        return held.get();
    }

    /** The next {@code times} calls of {@code endpoint} get {@code answer} instead of the fake's own. */
    public FakeOpenAi failNext(Endpoint endpoint, int times, ScriptedAnswer answer) {
        Queue<ScriptedAnswer> queue = scripted.computeIfAbsent(endpoint, e -> new ConcurrentLinkedQueue<>());
        for (int i = 0; i < times; i++) {
            queue.add(answer);
        }
        return this;
    }

    /** Every request so far, in arrival order. */
    public List<OpenAiCall> calls() {
        return List.copyOf(calls);
    }

    public List<OpenAiCall> calls(Endpoint endpoint) {
        return calls.stream().filter(call -> call.endpoint() == endpoint).toList();
    }

    /** The calls of {@code endpoint} a real service would bill: those answered 200. */
    public List<OpenAiCall> paidCalls(Endpoint endpoint) {
        return calls(endpoint).stream().filter(OpenAiCall::paid).toList();
    }

    public void clearCalls() {
        calls.clear();
    }

    @Override
    public void close() {
        releaseCalls();
        server.close();
    }

    private final class Router extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            Instant arrived = Instant.now();
            Optional<Endpoint> endpoint = endpointOf(request);
            if (endpoint.isEmpty()) {
                return request.getUrl().encodedPath().equals(CALLS_PATH) ? callLog() : notFound(request);
            }
            OpenAiCall.Facts facts = new OpenAiCall.Facts();
            ScriptedAnswer answer = answer(endpoint.get(), request, facts);
            OpenAiCall call = new OpenAiCall(endpoint.get(), arrived, answer.status(), facts);
            calls.add(call);
            waitBeforeAnswering();
            return response(answer, call);
        }
    }

    private ScriptedAnswer answer(Endpoint endpoint, RecordedRequest request, OpenAiCall.Facts facts) {
        ScriptedAnswer failure =
                scripted.getOrDefault(endpoint, new ConcurrentLinkedQueue<>()).poll();
        if (failure != null) {
            return failure;
        }
        try {
            checkKey(request);
            String json = switch (endpoint) {
                case TRANSCRIPTIONS -> transcriptions.answer(request, facts, maxFileBytes);
                case CHAT -> chat.answer(request, facts, contextLimit);
            };
            return new ScriptedAnswer(200, Headers.of("Content-Type", "application/json"), json);
        } catch (Refusal refusal) {
            return new ScriptedAnswer(refusal.status(), Headers.of("Content-Type", "application/json"), refusal.json());
        }
    }

    private void checkKey(RecordedRequest request) throws Refusal {
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null) {
            throw new Refusal(
                    401,
                    "invalid_request_error",
                    null,
                    null,
                    "You didn't provide an API key. You need to"
                            + " provide your API key in an Authorization header using Bearer auth.");
        }
        if (!authorization.equals("Bearer " + key)) {
            throw new Refusal(401, "invalid_request_error", null, "invalid_api_key", "Incorrect API key provided.");
        }
    }

    private static Optional<Endpoint> endpointOf(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        for (Endpoint endpoint : Endpoint.values()) {
            if (request.getMethod().equals("POST") && path.equals(API_PREFIX + endpoint.path())) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }

    private MockResponse callLog() {
        ArrayNode log = JsonNodeFactory.instance.arrayNode();
        calls.forEach(call -> call.describeIn(log.addObject()));
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(log.toString())
                .build();
    }

    private static MockResponse notFound(RecordedRequest request) {
        Refusal refusal = new Refusal(
                404,
                "invalid_request_error",
                null,
                "unknown_url",
                "Invalid URL (" + request.getMethod() + " " + request.getUrl().encodedPath() + ")");
        return new MockResponse.Builder()
                .code(404)
                .setHeader("Content-Type", "application/json")
                .body(refusal.json())
                .build();
    }

    private void waitBeforeAnswering() {
        try {
            Thread.sleep(latency);
            CountDownLatch gate = hold;
            if (gate != null) {
                held.incrementAndGet();
                try {
                    gate.await();
                } finally {
                    held.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MockResponse response(ScriptedAnswer answer, OpenAiCall call) {
        return new MockResponse.Builder()
                .code(answer.status())
                .headers(answer.headers())
                .body(new DeliveryTracking(answer.body().getBytes(StandardCharsets.UTF_8), call))
                .build();
    }

    /**
     * Marks the call delivered once its answer is written, lost when the write fails. The headers are flushed first, on their own: a client that
     * went away makes that write draw a reset, so the body's write fails instead of vanishing into a buffer.
     */
    private record DeliveryTracking(byte[] bytes, OpenAiCall call) implements MockResponseBody {
        @Override
        public long getContentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try {
                sink.flush();
                sink.write(bytes);
                sink.flush();
                call.settle(OpenAiCall.Delivery.DELIVERED);
            } catch (IOException e) {
                call.settle(OpenAiCall.Delivery.LOST);
                throw e;
            }
        }
    }
}
