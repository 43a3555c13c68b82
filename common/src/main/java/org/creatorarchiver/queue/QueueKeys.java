package org.creatorarchiver.queue;

import java.util.Optional;

/**
 * The Redis key names of the queues (docs/ARCHITECTURE.md "Queues and Redis keys"); everything that touches them
 * goes through here.
 */
public final class QueueKeys {

    private static final String PREFIX = "archiver:";
    private static final String PROCESSING = PREFIX + "processing:";
    private static final String WORKER = PREFIX + "worker:";

    private QueueKeys() {}

    /** LIST of jobs ready to run: enqueue appends, take moves the head into a processing list. */
    public static String ready(String queue) {
        return PREFIX + "queue:" + Queues.requireValidName(queue);
    }

    /** LIST of the jobs one worker is running now. */
    public static String processing(String queue, String workerId) {
        return PROCESSING + Queues.requireValidName(queue) + ":" + workerId;
    }

    /** ZSET of jobs waiting for a retry or a start time; the score is the due time in epoch ms. */
    public static String delayed(String queue) {
        return PREFIX + "delayed:" + Queues.requireValidName(queue);
    }

    /** LIST of jobs whose retries ran out. */
    public static String dead(String queue) {
        return PREFIX + "dead:" + Queues.requireValidName(queue);
    }

    /** STRING counter: how many deliveries of the queue's jobs ended with {@code outcome} (for {@code /metrics}). */
    public static String outcomes(String queue, JobOutcome outcome) {
        return PREFIX + "stats:" + Queues.requireValidName(queue) + ":" + outcome.label();
    }

    /** STRING with a TTL: present while the worker is alive. */
    public static String worker(String workerId) {
        return WORKER + workerId;
    }

    static String processingPattern(String queue) {
        return PROCESSING + Queues.requireValidName(queue) + ":*";
    }

    static String allProcessingPattern() {
        return PROCESSING + "*";
    }

    static String allWorkersPattern() {
        return WORKER + "*";
    }

    /** Splits {@code archiver:processing:<q>:<worker-id>}; queue names hold no colon, worker ids may. */
    static Optional<ProcessingList> parseProcessing(String key) {
        if (!key.startsWith(PROCESSING)) {
            return Optional.empty();
        }
        String rest = key.substring(PROCESSING.length());
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new ProcessingList(rest.substring(0, colon), rest.substring(colon + 1)));
    }

    static String workerIdOf(String heartbeatKey) {
        return heartbeatKey.substring(WORKER.length());
    }

    record ProcessingList(String queue, String workerId) {}
}
