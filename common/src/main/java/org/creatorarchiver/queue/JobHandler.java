package org.creatorarchiver.queue;

/**
 * Runs one type of job. Delivery is at-least-once, so {@link #handle} must be idempotent.
 * <p>
 * Returning normally acknowledges the job. A thrown {@link JobFailure} (anywhere in the cause chain) settles it by its
 * outcome: permanent gives it up at once; retry and retry-after retry it by its {@link RetryPolicy} (no sooner than
 * the delay asked for), then dead-letter it. Any other exception is retried like {@link JobFailure.Retry}.
 */
@FunctionalInterface
public interface JobHandler<P extends Record> {

    void handle(P payload, JobContext context) throws Exception;

    /**
     * Called once when the runtime gives the job up: a permanent failure, or the last retry failed. The handler
     * records the failure on its own row (status {@code failed}, last_error = {@code reason}); the runtime cannot.
     * If this throws, the job is dead-lettered so the failure is not lost.
     */
    default void onGaveUp(P payload, JobContext context, String reason) throws Exception {}
}
