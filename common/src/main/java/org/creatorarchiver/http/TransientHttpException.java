package org.creatorarchiver.http;

import java.time.Duration;
import java.util.Optional;
import org.creatorarchiver.queue.RetryDelayHint;

/**
 * A failure that outlived the in-call retries but may heal (429, 5xx, network): the job runtime should reschedule
 * the job, no sooner than {@link #retryAfter()} when the server named a delay.
 */
public final class TransientHttpException extends HttpFailureException implements RetryDelayHint {

    TransientHttpException(HttpFailure failure, Throwable cause) {
        super(failure, cause);
    }

    @Override
    public Optional<Duration> retryAfter() {
        return failure().retryAfterHint();
    }
}
