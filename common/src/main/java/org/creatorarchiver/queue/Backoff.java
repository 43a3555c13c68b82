package org.creatorarchiver.queue;

import java.time.Duration;

/** Growing pauses after Redis errors, so a loop neither spins nor gives up while Redis is away. */
final class Backoff {

    private static final long FIRST_MS = 100;
    private static final long MAX_MS = 5_000;

    private long nextMs = FIRST_MS;

    void reset() {
        nextMs = FIRST_MS;
    }

    Duration next() {
        return Duration.ofMillis(nextMs);
    }

    /**
     * Sleeps the next pause; false if interrupted. The interrupt is consumed: every caller checks its own stop flag
     * next, and a flag left set would make the following Redis call fail at once.
     */
    boolean pause() {
        try {
            Thread.sleep(nextMs);
        } catch (InterruptedException e) {
            return false;
        }
        nextMs = Math.min(nextMs * 2, MAX_MS);
        return true;
    }
}
