package org.creatorarchiver.queue;

/**
 * Marks a failure no retry can heal, wherever it comes from (e.g. an HTTP 404 from the Patreon client): the job
 * runner treats any throwable in the cause chain implementing it like a {@link PermanentFailureException}.
 */
public interface NotRetryable {}
