package org.creatorarchiver.queue;

/**
 * Runs one type of job. Delivery is at-least-once, so {@link #handle} must be idempotent.
 * <p>
 * Returning normally acknowledges the job. Throwing {@link PermanentFailureException} gives it up at once; any other
 * exception is transient and the job is retried by its {@link RetryPolicy}, then dead-lettered.
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
