package org.creatorarchiver.queue;

import java.util.Objects;

/**
 * What a kind of job is called, which queue carries it and the record its payload is; a constant of this type lets a
 * process enqueue a job without depending on the module that handles it.
 */
public record JobType<P extends Record>(String queue, String type, Class<P> payloadClass) {

    public JobType {
        Queues.requireValidName(queue);
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("job type name must not be blank (queue '" + queue + "')");
        }
        Objects.requireNonNull(payloadClass, "payloadClass");
    }

    public static <P extends Record> JobType<P> of(String queue, String type, Class<P> payloadClass) {
        return new JobType<>(queue, type, payloadClass);
    }
}
