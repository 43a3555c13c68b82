package org.creatorarchiver.queue;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A transient failure that knows when trying again makes sense (a 429 with {@code Retry-After}, a server asking for
 * patience). The retry waits at least {@link #retryAfter()}, or the policy's delay when that is longer. It still
 * counts as a failed attempt. Found anywhere in the cause chain.
 */
public class RetryAfterException extends Exception implements RetryDelayHint {

    private final Duration retryAfter;

    public RetryAfterException(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    public RetryAfterException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
        }
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
