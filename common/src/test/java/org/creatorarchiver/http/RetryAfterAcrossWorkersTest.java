package org.creatorarchiver.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * A {@code Retry-After} holds for every worker: several workers (each with its own Redis connection, OkHttp client,
 * rate limiter and pauses, as separate processes have), several threads each, keep requests waiting on the shared
 * rate limit; after a 429 no request may start from any of them until the delay has passed. The fake server logs
 * arrivals and each client logs when a request went on the wire, so the check reads logs, never the clock's mood.
 */
class RetryAfterAcrossWorkersTest {

    private static final int WORKERS = 3;
    private static final int THREADS_PER_WORKER = 2;
    private static final double REQUESTS_PER_SECOND = 5;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** Arrival numbers (from 1) answered 429: two pauses, each with requests queued behind it. */
    private static final List<Integer> RATE_LIMITED_ARRIVALS = List.of(3, 9);

    private static final int ARRIVALS = 15;
    private static final String REQUEST_ID = "X-Test-Request";

    private FakeHost patreon;
    private final List<RedissonClient> connections = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(WORKERS * THREADS_PER_WORKER);
    private final AtomicInteger sent = new AtomicInteger();
    /** When each request went on the wire, by its id: after the rate limit and the pause, as the server sees it. */
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    /** When the client that sent it received each 429, by request id. */
    private final Map<String, Instant> rateLimitedAt = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        TestServices.flushRedis();
        patreon = FakeHost.start("127.0.0.1");
        for (int arrival = 1; arrival <= RATE_LIMITED_ARRIVALS.getLast(); arrival++) {
            patreon.enqueue(
                    RATE_LIMITED_ARRIVALS.contains(arrival)
                            ? new MockResponse.Builder()
                                    .code(429)
                                    .setHeader("Retry-After", String.valueOf(RETRY_AFTER.toSeconds()))
                                    .build()
                            : FakeHost.json(200, "{\"data\":[]}"));
        }
    }

    @AfterEach
    void stop() throws Exception {
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
        connections.forEach(RedissonClient::shutdown);
        patreon.close();
    }

    @Test
    void noRequestStartsFromAnyWorkerBeforeTheRetryAfterHasPassed() throws Exception {
        for (int worker = 0; worker < WORKERS; worker++) {
            PatreonHttp client = worker("worker-" + worker);
            for (int thread = 0; thread < THREADS_PER_WORKER; thread++) {
                threads.submit(() -> keepAsking(client));
            }
        }
        awaitArrivals();

        List<FakeHost.Arrival> arrivals = patreon.arrivals();
        List<FakeHost.Arrival> rateLimited = arrivals.stream()
                .filter(arrival -> rateLimitedAt.containsKey(id(arrival)))
                .toList();
        assertThat(rateLimited).hasSize(RATE_LIMITED_ARRIVALS.size());
        for (FakeHost.Arrival answered : rateLimited) {
            Instant received = rateLimitedAt.get(id(answered));
            long pauseEnds = answered.at().toEpochMilli() + RETRY_AFTER.toMillis();
            List<FakeHost.Arrival> early = arrivals.stream()
                    .filter(arrival -> arrival.at().isAfter(answered.at()))
                    .filter(arrival -> arrival.at().toEpochMilli() < pauseEnds)
                    .toList();
            assertThat(early)
                    .as("requests arriving within %s of the 429 to %s", RETRY_AFTER, id(answered))
                    .allSatisfy(arrival -> assertThat(started.get(id(arrival)))
                            .as("%s was already on the wire when the 429 arrived", id(arrival))
                            .isBefore(received));
            System.out.printf(
                    "429 to %s: next arrival %d ms later; %d in-flight arrival(s) before it; %d arrivals in all%n",
                    id(answered), firstAfter(arrivals, answered), early.size(), arrivals.size());
        }
    }

    /** A worker as a separate process builds it: its own Redis connection and clients on the shared keys. */
    private PatreonHttp worker(String name) {
        RedissonClient redis = HttpTestSupport.separateRedisson(name);
        connections.add(redis);
        HttpClientSettings settings = withRate(HttpTestSupport.settings(patreon.base(), null));
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(logged(name))
                .retryOnConnectionFailure(false)
                .build();
        return new PatreonHttp(
                client,
                settings,
                new HostRateLimiter(redis, settings.requestsPerSecond()),
                new HostPauses(redis, Clock.systemUTC()),
                Clock.systemUTC());
    }

    /** Runs where the request leaves the client: after the rate limit and pause checks, before the socket. */
    private Interceptor logged(String worker) {
        return chain -> {
            String id = worker + "#" + sent.incrementAndGet();
            started.put(id, Instant.now());
            Response response = chain.proceed(
                    chain.request().newBuilder().header(REQUEST_ID, id).build());
            if (response.code() == 429) {
                rateLimitedAt.put(id, Instant.now());
            }
            return response;
        };
    }

    private Void keepAsking(PatreonHttp client) throws Exception {
        while (patreon.requestCount() < ARRIVALS && !Thread.currentThread().isInterrupted()) {
            client.getJson("/api/posts");
        }
        return null;
    }

    private void awaitArrivals() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (patreon.requestCount() < ARRIVALS && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(patreon.requestCount()).isGreaterThanOrEqualTo(ARRIVALS);
    }

    private static long firstAfter(List<FakeHost.Arrival> arrivals, FakeHost.Arrival answered) {
        return arrivals.stream()
                .filter(arrival -> arrival.at().isAfter(answered.at()))
                .findFirst()
                .map(arrival -> Duration.between(answered.at(), arrival.at()).toMillis())
                .orElse(-1L);
    }

    private static String id(FakeHost.Arrival arrival) {
        return arrival.header(REQUEST_ID);
    }

    private static HttpClientSettings withRate(HttpClientSettings base) {
        return new HttpClientSettings(
                base.patreonBaseUrl(),
                null,
                base.userAgent(),
                base.timeout(),
                REQUESTS_PER_SECOND,
                base.shortRetries(),
                base.retryBaseBackoff(),
                base.maxRetryAfterWait());
    }
}
