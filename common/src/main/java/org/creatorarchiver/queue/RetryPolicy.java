package org.creatorarchiver.queue;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how late a job that failed for a transient reason is tried again.
 *
 * @param maxRetries retries after the first attempt: 3 means at most 4 attempts (docs/ARCHITECTURE.md "Retries")
 * @param baseDelay  the wait before the first retry; it doubles for each further retry
 * @param maxDelay   the longest wait, whatever the doubling says
 * @param jitter     spread of each wait as a fraction: 0.2 draws it from 80 % to 120 % of the computed delay, so jobs
 *                   that failed together do not come back together
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, double jitter) {

    public static final double DEFAULT_JITTER = 0.2;
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofHours(6);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
        }
        if (baseDelay == null || baseDelay.isNegative() || baseDelay.isZero()) {
            throw new IllegalArgumentException("retry base delay must be positive, got " + baseDelay);
        }
        if (maxDelay == null || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException(
                    "retry max delay must be at least the base delay " + baseDelay + ", got " + maxDelay);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("retry jitter must be between 0 and 1, got " + jitter);
        }
    }

    /** {@code maxRetries} retries starting {@code baseDelay} apart, doubling, capped at six hours, 20 % jitter. */
    public static RetryPolicy exponential(int maxRetries, Duration baseDelay) {
        Duration cap = baseDelay.compareTo(DEFAULT_MAX_DELAY) > 0 ? baseDelay : DEFAULT_MAX_DELAY;
        return new RetryPolicy(maxRetries, baseDelay, cap, DEFAULT_JITTER);
    }

    public RetryPolicy withMaxDelay(Duration maxDelay) {
        return new RetryPolicy(maxRetries, baseDelay, maxDelay, jitter);
    }

    public RetryPolicy withJitter(double jitter) {
        return new RetryPolicy(maxRetries, baseDelay, maxDelay, jitter);
    }

    /** Whether a job that has now failed {@code failedAttempts} times (this one included) gets another try. */
    public boolean allowsRetryAfter(int failedAttempts) {
        return failedAttempts <= maxRetries;
    }

    /** The wait before retry number {@code retry} (1 = the first retry), jitter applied. */
    public Duration delayBeforeRetry(int retry, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        // Stop doubling once past the cap so the shift cannot overflow.
        long delay = base;
        for (int i = 1; i < retry && delay < cap; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, cap);
        double factor = jitter == 0 ? 1 : 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.round(delay * factor));
    }
}
