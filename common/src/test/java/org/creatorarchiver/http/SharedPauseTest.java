package org.creatorarchiver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** A 429 seen by one worker pauses the host for every worker sharing the Redis. */
class SharedPauseTest {

    /** Arrival times are taken by the fake server's thread; allow for millisecond rounding of the resume time. */
    private static final Duration TOLERANCE = Duration.ofMillis(50);

    private FakeHost patreon;
    private RedissonClient redisA;
    private RedissonClient redisB;
    private HttpClients workerA;
    private HttpClients workerB;
    private final ExecutorService background = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws Exception {
        TestServices.flushRedis();
        patreon = FakeHost.start("127.0.0.1");
        redisA = HttpTestSupport.separateRedisson("worker-a");
        redisB = HttpTestSupport.separateRedisson("worker-b");
        HttpClientSettings settings = HttpTestSupport.settings(patreon.base(), HttpTestSupport.SESSION_ID);
        workerA = HttpClients.create(settings, redisA, Clock.systemUTC());
        workerB = HttpClients.create(settings, redisB, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        workerA.close();
        workerB.close();
        redisA.shutdown();
        redisB.shutdown();
        patreon.close();
    }

    @Test
    void aRetryAfterOnOneWorkerHoldsBackTheOtherUntilThePauseEnds() throws Exception {
        patreon.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "2")
                .build());
        Future<PatreonResponse> a = background.submit(() -> workerA.patreon().getJson("/api/posts?worker=a"));
        Instant pauseEnd = awaitPause();

        PatreonResponse b = workerB.patreon().getJson("/api/posts?worker=b");

        assertThat(b.status()).isEqualTo(200);
        assertThat(a.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(patreon.arrivals()).hasSize(3);
        FakeHost.Arrival first = patreon.arrivals().getFirst();
        assertThat(first.request().getUrl().queryParameter("worker")).isEqualTo("a");
        assertThat(Duration.between(first.at(), pauseEnd)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500));
        assertThat(patreon.arrivals().subList(1, 3))
                .allSatisfy(arrival -> assertThat(arrival.at()).isAfterOrEqualTo(pauseEnd.minus(TOLERANCE)));
        assertThat(patreon.arrivals().subList(1, 3))
                .extracting(arrival -> arrival.request().getUrl().queryParameter("worker"))
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aPauseLongerThanTheInCallWaitFailsTheOtherWorkerAtOnce() throws Exception {
        patreon.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "600")
                .build());
        assertThatThrownBy(() -> workerA.patreon().getJson("/api/posts")).isInstanceOf(HttpFailureException.class);

        assertThatThrownBy(() -> workerB.patreon().getJson("/api/posts"))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
                    assertThat(e.retryAfter())
                            .hasValueSatisfying(wait ->
                                    assertThat(wait).isBetween(Duration.ofSeconds(590), Duration.ofSeconds(600)));
                    assertThat(e.getMessage()).contains("is paused after a 429");
                });
        assertThat(patreon.requestCount()).isEqualTo(1);
    }

    @Test
    void aLaterPauseIsNeverShortenedByAnEarlierOne() {
        HostPauses pauses = new HostPauses(redisA, Clock.systemUTC());
        Origin origin = patreon.origin();

        pauses.pause(origin, Duration.ofSeconds(30));
        Instant longPauseEnd = pauses.pausedUntil(origin).orElseThrow();
        pauses.pause(origin, Duration.ofSeconds(2));

        assertThat(new HostPauses(redisB, Clock.systemUTC()).pausedUntil(origin))
                .contains(longPauseEnd);
        long ttlMillis = TestServices.redisson()
                .getBucket("archiver:pause:" + origin.key(), StringCodec.INSTANCE)
                .remainTimeToLive();
        assertThat(ttlMillis).isBetween(25_000L, 30_000L);
    }

    @Test
    void waitingOutAPauseCanBeInterrupted() throws Exception {
        new HostPauses(redisA, Clock.systemUTC()).pause(patreon.origin(), Duration.ofSeconds(4));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                workerB.patreon().getJson("/api/posts");
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        Thread.sleep(200);

        caller.interrupt();
        caller.join(Duration.ofSeconds(2));

        assertThat(caller.isAlive())
                .as("still waiting out the 4 s pause after the interrupt")
                .isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(patreon.requestCount()).isZero();
    }

    private Instant awaitPause() {
        HostPauses pauses = new HostPauses(TestServices.redisson(), Clock.systemUTC());
        return await().atMost(Duration.ofSeconds(5))
                .until(() -> pauses.pausedUntil(patreon.origin()).orElse(null), until -> until != null);
    }
}
