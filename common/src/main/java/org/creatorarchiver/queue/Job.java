package org.creatorarchiver.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One unit of work as it travels through Redis.
 *
 * @param payloadJson the payload record as a JSON object (ids, not data)
 * @param attempt     failed attempts so far: 0 on the first delivery
 * @param lastError   the error of the last failed attempt, or null
 */
public record Job(String id, String type, String payloadJson, int attempt, Instant enqueuedAt, String lastError) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative, got " + attempt);
        }
    }

    /** A job not yet tried, with a new id; {@code payload} must be of the type's payload class. */
    static <P extends Record> Job fresh(JobType<P> type, P payload, Instant now) {
        if (!type.payloadClass().isInstance(payload)) {
            throw new IllegalArgumentException("payload of job type " + type.type() + " must be a "
                    + type.payloadClass().getSimpleName() + ", got "
                    + (payload == null ? "null" : payload.getClass().getSimpleName()));
        }
        return new Job(UUID.randomUUID().toString(), type.type(), JobCodec.payloadJson(payload), 0, now, null);
    }

    /** The job as it goes back to wait after one more failed attempt. */
    public Job afterFailure(String error) {
        return new Job(id, type, payloadJson, attempt + 1, enqueuedAt, error);
    }

    /** The job as it goes back to wait without having failed (postponed): its attempts stay as they are. */
    public Job postponed(String reason) {
        return new Job(id, type, payloadJson, attempt, enqueuedAt, reason);
    }

    /** A dead job given a fresh set of attempts; the last error stays for whoever looks at it. */
    public Job withAttemptsReset() {
        return new Job(id, type, payloadJson, 0, enqueuedAt, lastError);
    }
}
