package org.creatorarchiver.queue;

/**
 * An expected failure that no retry can heal (404, locked post, bad data, too long). The job is not retried and not
 * dead-lettered: {@link JobHandler#onGaveUp} records the reason and the job is acknowledged.
 * Found anywhere in the cause chain, so a handler may wrap it.
 */
public class PermanentFailureException extends Exception implements NotRetryable {

    public PermanentFailureException(String reason) {
        super(reason);
    }

    public PermanentFailureException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
