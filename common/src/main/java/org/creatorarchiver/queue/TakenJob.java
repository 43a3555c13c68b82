package org.creatorarchiver.queue;

/**
 * A job a worker holds in its processing list.
 *
 * @param raw the exact string taken from Redis: acknowledging removes this very string, so it must not be re-encoded
 */
public record TakenJob(String queue, String workerId, String raw, Job job) {

    public String processingKey() {
        return QueueKeys.processing(queue, workerId);
    }
}
