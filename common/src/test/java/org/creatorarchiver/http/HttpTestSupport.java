package org.creatorarchiver.http;

import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.creatorarchiver.redis.RedisClients;
import org.creatorarchiver.testing.TestServices;
import org.redisson.api.RedissonClient;

/** Settings and clients as a worker would build them, tuned so retries take milliseconds. */
final class HttpTestSupport {

    static final String SESSION_ID = "s3cr3t-session-QmFzZTY0";
    static final String USER_AGENT = "creator-archiver-tests/1.0";

    private HttpTestSupport() {}

    static HttpClientSettings settings(HttpUrl base, String sessionId) {
        return new HttpClientSettings(
                base,
                sessionId,
                USER_AGENT,
                Duration.ofSeconds(10),
                100,
                3,
                Duration.ofMillis(10),
                Duration.ofSeconds(5));
    }

    static HttpClients clients(HttpClientSettings settings) {
        return HttpClients.create(settings, TestServices.redisson(), Clock.systemUTC());
    }

    /** A Redisson connection of its own, as a separate worker process would have. */
    static RedissonClient separateRedisson(String name) {
        return RedisClients.connect(TestServices.redisUrl(), name);
    }
}
