package org.creatorarchiver.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.api.ratelimiter.RateLimiterArgs;
import org.redisson.client.RedisException;

/**
 * One request rate per host shared by every process on the Redis ({@code archiver:ratelimit:<host[:port]>}, a
 * Redisson {@link RRateLimiter}). The rate is expressed as one permit per interval, which keeps requests evenly
 * spaced and allows fractional rates (0.5/s = one request every 2 s).
 */
final class HostRateLimiter {

    static final String KEY_PREFIX = "archiver:ratelimit:";

    private final RedissonClient redisson;
    private final Duration permitInterval;
    private final Map<Origin, RRateLimiter> limiters = new ConcurrentHashMap<>();

    HostRateLimiter(RedissonClient redisson, double requestsPerSecond) {
        this.redisson = redisson;
        this.permitInterval = permitInterval(requestsPerSecond);
    }

    /** Blocks until {@code origin} may receive one more request. */
    void acquire(Origin origin) throws InterruptedException {
        try {
            limiters.computeIfAbsent(origin, this::configured).acquire();
        } catch (RedisException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the rate limit of " + origin);
            }
            if (!lostItsConfiguration(e)) {
                throw e;
            }
            // Redis lost the limiter's settings (a FLUSHDB, a restart without persistence): write them again.
            RRateLimiter reconfigured = configured(origin);
            limiters.put(origin, reconfigured);
            reconfigured.acquire();
        }
    }

    private static boolean lostItsConfiguration(RedisException e) {
        return e.getMessage() != null && e.getMessage().contains("RateLimiter is not initialized");
    }

    /** 1 s / rate, rounded to whole milliseconds (Redisson's resolution), at least 1 ms. */
    static Duration permitInterval(double requestsPerSecond) {
        return Duration.ofMillis(Math.max(1, Math.round(1000 / requestsPerSecond)));
    }

    static String key(Origin origin) {
        return KEY_PREFIX + origin.key();
    }

    /**
     * Writes this process's rate over whatever is stored, so a changed setting takes effect when a process starts;
     * {@code keepState} keeps the permits already taken so a restart does not allow a burst.
     */
    private RRateLimiter configured(Origin origin) {
        RRateLimiter limiter = redisson.getRateLimiter(key(origin));
        limiter.setRate(RateLimiterArgs.of(RateType.OVERALL, 1, permitInterval).keepState(true));
        return limiter;
    }
}
