package org.creatorarchiver.queue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Redis counters of how the deliveries of each queue's jobs ended ({@code archiver:stats:<queue>:<outcome>}). */
final class OutcomeCounters {

    // Logged under the queue's name, as before this class was split out of it.
    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);

    /** The endings worth counting: a job done, given up, retried later, or dead-lettered. */
    static final List<JobOutcome> COUNTED = List.of(
            JobOutcome.SUCCEEDED, JobOutcome.FAILED_PERMANENTLY, JobOutcome.RETRY_SCHEDULED, JobOutcome.DEAD_LETTERED);

    private final RedissonClient redis;

    OutcomeCounters(RedissonClient redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /**
     * Counts one delivery's ending in Redis, without waiting for the answer: a counter is not worth slowing the
     * consumer loop, and one lost increment only makes a metric a little low.
     */
    void count(String queue, JobOutcome outcome) {
        redis.getAtomicLong(QueueKeys.outcomes(queue, outcome))
                .incrementAndGetAsync()
                .whenComplete((count, failure) -> {
                    if (failure != null) {
                        log.debug("could not count a {} job on {}: {}", outcome.label(), queue, failure.toString());
                    }
                });
    }

    /** How many deliveries of the queue's jobs ended each {@linkplain #COUNTED counted way}, ever. */
    Map<JobOutcome, Long> counts(String queue) {
        Map<JobOutcome, Long> counts = new EnumMap<>(JobOutcome.class);
        for (JobOutcome outcome : COUNTED) {
            counts.put(
                    outcome,
                    redis.getAtomicLong(QueueKeys.outcomes(queue, outcome)).get());
        }
        return counts;
    }
}
