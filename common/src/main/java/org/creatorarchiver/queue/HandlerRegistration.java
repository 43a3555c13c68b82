package org.creatorarchiver.queue;

import java.util.Objects;

/** A job type a worker runs, with its handler and its retry policy. */
record HandlerRegistration<P extends Record>(JobType<P> type, JobHandler<P> handler, RetryPolicy retryPolicy) {

    HandlerRegistration {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
    }
}
