package org.creatorarchiver.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RateLimiterConfig;

/** Every Patreon request, from any worker, draws on one rate limit stored in Redis. */
class RateLimitTest {

    private FakeHost patreon;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    @BeforeEach
    void start() throws Exception {
        TestServices.flushRedis();
        patreon = FakeHost.start("127.0.0.1");
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
        patreon.close();
    }

    @Test
    void requestsFiredTogetherAreSpreadOverTheRate() throws Exception {
        HttpClientSettings twoPerSecond = withRate(2);
        try (HttpClients first = HttpTestSupport.clients(twoPerSecond);
                HttpClients second = HttpTestSupport.clients(twoPerSecond)) {
            Instant start = Instant.now();
            List<Future<PatreonResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                HttpClients worker = i % 2 == 0 ? first : second;
                calls.add(workers.submit(() -> worker.patreon().getJson("/api/posts")));
            }
            for (Future<PatreonResponse> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }

            // 2 requests/s = one permit per 500 ms, so by start + k intervals at most k requests can have arrived
            // (a request arrives after its permit). Without the limiter all four land within milliseconds.
            assertThat(patreon.requestCount()).isEqualTo(4);
            for (int k = 1; k <= 3; k++) {
                Instant endOfInterval = start.plusMillis(k * 500L - 50);
                assertThat(patreon.arrivals().stream()
                                .filter(arrival -> arrival.at().isBefore(endOfInterval))
                                .count())
                        .as("requests arrived within %d interval(s)", k)
                        .isLessThanOrEqualTo(k);
            }
        }
    }

    @Test
    void aRedisFlushedUnderARunningClientDoesNotStopItsRequests() throws Exception {
        try (HttpClients clients = HttpTestSupport.clients(withRate(100))) {
            assertThat(clients.patreon().getJson("/api/posts").status()).isEqualTo(200);

            TestServices.flushRedis();

            assertThat(clients.patreon().getJson("/api/posts").status())
                    .as("the limit is written again")
                    .isEqualTo(200);
            assertThat(patreon.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void aFractionalRateIsStoredAsOnePermitPerInterval() throws Exception {
        try (HttpClients clients = HttpTestSupport.clients(withRate(0.5))) {
            clients.patreon().getJson("/api/posts");
        }

        RateLimiterConfig config = storedConfig();
        assertThat(config.getRate()).isEqualTo(1);
        assertThat(config.getRateInterval()).isEqualTo(2000);
    }

    @Test
    void aProcessStartedWithAChangedRateAppliesItToEveryone() throws Exception {
        try (HttpClients before = HttpTestSupport.clients(withRate(0.5))) {
            before.patreon().getJson("/api/posts");
        }
        try (HttpClients after = HttpTestSupport.clients(withRate(4))) {
            after.patreon().getJson("/api/posts");
        }

        assertThat(storedConfig().getRateInterval()).isEqualTo(250);
    }

    @Test
    void permitIntervalsRoundToMilliseconds() {
        assertThat(HostRateLimiter.permitInterval(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(HostRateLimiter.permitInterval(3)).isEqualTo(Duration.ofMillis(333));
        assertThat(HostRateLimiter.permitInterval(0.25)).isEqualTo(Duration.ofSeconds(4));
        assertThat(HostRateLimiter.permitInterval(5000)).isEqualTo(Duration.ofMillis(1));
    }

    private RateLimiterConfig storedConfig() {
        return TestServices.redisson()
                .getRateLimiter("archiver:ratelimit:" + patreon.origin().key())
                .getConfig();
    }

    private HttpClientSettings withRate(double requestsPerSecond) {
        HttpClientSettings base = HttpTestSupport.settings(patreon.base(), null);
        return new HttpClientSettings(
                base.patreonBaseUrl(),
                null,
                base.userAgent(),
                base.timeout(),
                requestsPerSecond,
                base.shortRetries(),
                base.retryBaseBackoff(),
                base.maxRetryAfterWait());
    }
}
