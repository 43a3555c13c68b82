package org.creatorarchiver.queue;

import java.time.Duration;
import java.util.Optional;

/**
 * A transient failure that may know how long to wait (a 429's {@code Retry-After}): the job runner retries no
 * sooner than that, or after the policy's delay when that is longer.
 */
public interface RetryDelayHint {

    Optional<Duration> retryAfter();
}
