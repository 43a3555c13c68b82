package org.creatorarchiver.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses a host for every process sharing the Redis after it answered 429 (or 503 with {@code Retry-After}). Key
 * {@code archiver:pause:<host[:port]>} holds the resume time (epoch ms) and expires at that time, so a stale pause
 * cannot outlive itself.
 */
public final class HostPauses {

    public static final String KEY_PREFIX = "archiver:pause:";

    private static final Logger log = LoggerFactory.getLogger(HostPauses.class);

    /** Sets the resume time unless a later one is already there: an earlier pause never shortens a later one. */
    private static final String EXTEND_SCRIPT = """
            local current = redis.call('get', KEYS[1])
            if current and tonumber(current) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """;

    private final RScript script;
    private final RedissonClient redisson;
    private final Clock clock;

    public HostPauses(RedissonClient redisson, Clock clock) {
        this.redisson = redisson;
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.clock = clock;
    }

    /** Pauses {@code origin} for {@code duration} from now, unless it is already paused for longer. */
    public void pause(Origin origin, Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        long resumeAt = clock.millis() + duration.toMillis();
        Boolean extended = script.eval(
                RScript.Mode.READ_WRITE,
                EXTEND_SCRIPT,
                RScript.ReturnType.BOOLEAN,
                List.of(key(origin)),
                String.valueOf(resumeAt),
                String.valueOf(duration.toMillis()));
        if (Boolean.TRUE.equals(extended)) {
            log.warn("{} asked to wait: every worker pauses it until {}", origin, Instant.ofEpochMilli(resumeAt));
        }
    }

    /** When the pause on {@code origin} ends, if one is active now. */
    public Optional<Instant> pausedUntil(Origin origin) {
        String value =
                redisson.<String>getBucket(key(origin), StringCodec.INSTANCE).get();
        if (value == null) {
            return Optional.empty();
        }
        Instant until = Instant.ofEpochMilli(Long.parseLong(value));
        return until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }

    /**
     * Sleeps until {@code url}'s host is no longer paused. A pause longer than {@code maxWait} is not waited out:
     * the call fails as a retry-after so the job runtime reschedules the job instead of holding a worker. The pause is
     * read again after each sleep because another worker may have extended it meanwhile.
     *
     * @return whether it slept: a pause was on
     * @throws HttpFailureException a {@link org.creatorarchiver.queue.JobFailure.RetryAfter} when the pause lasts
     *     longer than {@code maxWait}
     */
    public boolean awaitEnd(HttpUrl url, Duration maxWait) throws InterruptedException, HttpFailureException {
        Origin origin = Origin.of(url);
        Instant waitedFor = null;
        while (true) {
            Optional<Instant> until = pausedUntil(origin);
            if (until.isEmpty() || until.get().equals(waitedFor)) {
                return waitedFor != null;
            }
            Duration remaining = Duration.between(clock.instant(), until.get());
            if (remaining.compareTo(maxWait) > 0) {
                throw HttpFailureClassifier.paused(url, remaining);
            }
            log.debug("{} is paused; waiting {} ms", origin, remaining.toMillis());
            Thread.sleep(Math.max(1, remaining.toMillis() + 1)); // toMillis truncates: never wake early
            waitedFor = until.get();
        }
    }

    static String key(Origin origin) {
        return KEY_PREFIX + origin.key();
    }
}
