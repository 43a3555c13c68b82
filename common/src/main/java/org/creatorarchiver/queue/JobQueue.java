package org.creatorarchiver.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.creatorarchiver.redis.BlockingRedis;
import org.redisson.api.RList;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.ListDirection;

/**
 * The reliable, delayed job queue on Redis (docs/ARCHITECTURE.md "Queues and Redis keys"): every move of a job between
 * the ready, processing, delayed and dead keys is a single Redis command or Lua script, so a process dying at any point
 * loses no job. The commands every job costs (enqueue, take, ack) go over {@link BlockingRedis} connections, the rest
 * over Redisson.
 */
public final class JobQueue {

    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);
    private static final int PROMOTE_BATCH = 100;
    private static final int ENQUEUE_BATCH = 1000;

    private final RedissonClient redis;
    private final UnifiedJedis perJob;
    private final Clock clock;
    private final ProcessingLists processingLists;
    private final OutcomeCounters outcomes;
    private final DeadLetters deadLetters;

    /** @param redis a client made by {@link org.creatorarchiver.redis.RedisClients#connect} */
    public JobQueue(RedissonClient redis, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.perJob = BlockingRedis.of(redis);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.processingLists = new ProcessingLists(redis);
        this.outcomes = new OutcomeCounters(redis);
        this.deadLetters = new DeadLetters(redis);
    }

    /** The workers' processing lists of these queues, for handing their jobs back. */
    public ProcessingLists processingLists() {
        return processingLists;
    }

    /** Appends a job to the ready list; returns its id. */
    public <P extends Record> String enqueue(JobType<P> type, P payload) {
        Job job = newJob(type, payload);
        perJob.rpush(QueueKeys.ready(type.queue()), JobCodec.encode(job));
        return job.id();
    }

    /**
     * Appends a job to the ready list like {@link #enqueue}, unless a job of the same type with an equal payload
     * already waits in this queue (ready or delayed); checked and appended in one atomic step. A job being processed
     * does not count, so work asked for after it started is still done. Returns the new job's id, or empty when an
     * equal job was waiting. Reads the whole queue: meant for queues of one job per creator, not per post.
     */
    public <P extends Record> Optional<String> enqueueUnlessWaiting(JobType<P> type, P payload) {
        Job job = newJob(type, payload);
        long appended = LuaScript.ENQUEUE_UNLESS_WAITING.evalLong(
                redis,
                List.of(QueueKeys.ready(type.queue()), QueueKeys.delayed(type.queue())),
                JobCodec.encode(job),
                job.type(),
                job.payloadJson());
        return appended == 1 ? Optional.of(job.id()) : Optional.empty();
    }

    /** Appends many jobs of one type with few round trips (one RPUSH per thousand); returns their ids in order. */
    public <P extends Record> List<String> enqueueAll(JobType<P> type, Collection<P> payloads) {
        String ready = QueueKeys.ready(type.queue());
        List<String> ids = new ArrayList<>(payloads.size());
        List<String> batch = new ArrayList<>(Math.min(payloads.size(), ENQUEUE_BATCH));
        for (P payload : payloads) {
            Job job = newJob(type, payload);
            ids.add(job.id());
            batch.add(JobCodec.encode(job));
            if (batch.size() == ENQUEUE_BATCH) {
                pushAndClear(ready, batch);
            }
        }
        pushAndClear(ready, batch);
        return ids;
    }

    private void pushAndClear(String ready, List<String> batch) {
        if (!batch.isEmpty()) {
            perJob.rpush(ready, batch.toArray(String[]::new));
            batch.clear();
        }
    }

    /** Parks a job in the delayed set until {@code due}; a promoter then moves it to the ready list. */
    public <P extends Record> String enqueueAt(JobType<P> type, P payload, Instant due) {
        Job job = newJob(type, payload);
        redis.getScoredSortedSet(QueueKeys.delayed(type.queue()), StringCodec.INSTANCE)
                .add(due.toEpochMilli(), JobCodec.encode(job));
        return job.id();
    }

    /**
     * Moves the oldest ready job into this worker's processing list (BLMOVE), waiting up to {@code timeout}.
     * A string that is not a readable job is moved to the dead list instead (it would fail on every delivery).
     *
     * @param timeout at least one second (0 would wait forever)
     */
    public Optional<TakenJob> take(String queue, String workerId, Duration timeout) {
        if (timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("take timeout must be at least 1 s, got " + timeout);
        }
        String raw = perJob.blmove(
                QueueKeys.ready(queue),
                QueueKeys.processing(queue, workerId),
                ListDirection.LEFT,
                ListDirection.RIGHT,
                timeout.toMillis() / 1000.0);
        return taken(queue, workerId, raw);
    }

    /** Removes a finished job from the processing list; false if it was no longer there (handed back meanwhile). */
    public boolean ack(TakenJob taken) {
        return perJob.lrem(taken.processingKey(), 1, taken.raw()) > 0;
    }

    /** What {@link #ackAndTakeNext} did: whether the finished job was still there, and the next job if one was ready. */
    public record Acked(boolean found, Optional<TakenJob> next) {}

    /**
     * Acknowledges a job that succeeded, counts it as {@link JobOutcome#SUCCEEDED} and takes the next ready one
     * without waiting, all in one round trip: a busy consumer then needs one Redis call per job instead of three.
     * {@code next} is empty when nothing was ready (use {@link #take} to wait).
     */
    public Acked ackAndTakeNext(TakenJob finished) {
        List<Object> reply = LuaScript.ACK_AND_TAKE.evalList(
                perJob,
                List.of(
                        finished.processingKey(),
                        QueueKeys.ready(finished.queue()),
                        QueueKeys.outcomes(finished.queue(), JobOutcome.SUCCEEDED)),
                List.of(finished.raw()));
        boolean found = ((Number) reply.get(0)).longValue() == 1;
        String next = reply.size() > 1 ? (String) reply.get(1) : null;
        return new Acked(found, taken(finished.queue(), finished.workerId(), next));
    }

    /**
     * Atomically takes the job out of the processing list and parks it in the delayed set until {@code due}, with
     * one more failed attempt and {@code error} recorded. False if the job was no longer in the processing list.
     */
    public boolean retryLater(TakenJob taken, String error, Instant due) {
        return delay(taken, taken.job().afterFailure(error), due);
    }

    /** Parks {@code job} (the taken one, as it should wait) in the delayed set until {@code due}; see retryLater. */
    public boolean delay(TakenJob taken, Job job, Instant due) {
        return LuaScript.MOVE_JOB.evalLong(
                        redis,
                        List.of(taken.processingKey(), QueueKeys.delayed(taken.queue())),
                        taken.raw(),
                        JobCodec.encode(job),
                        "delayed",
                        String.valueOf(due.toEpochMilli()))
                == 1;
    }

    /** Like {@link #retryLater} but to the dead list, for a job whose retries ran out. */
    public boolean deadLetter(TakenJob taken, String error) {
        Job failed = taken.job().afterFailure(error);
        return LuaScript.MOVE_JOB.evalLong(
                        redis,
                        List.of(taken.processingKey(), QueueKeys.dead(taken.queue())),
                        taken.raw(),
                        JobCodec.encode(failed),
                        "tail")
                == 1;
    }

    /** Moves every delayed job due at {@code now} to the end of the ready list; returns how many moved. */
    public int promoteDue(String queue, Instant now) {
        List<Object> keys = List.of(QueueKeys.delayed(queue), QueueKeys.ready(queue));
        int total = 0;
        long moved;
        do {
            moved = LuaScript.PROMOTE_DUE.evalLong(
                    redis, keys, String.valueOf(now.toEpochMilli()), String.valueOf(PROMOTE_BATCH));
            total += (int) moved;
        } while (moved == PROMOTE_BATCH);
        return total;
    }

    /**
     * Moves every dead job of a queue back to the end of the ready list with its attempts reset to 0 (its last error
     * is kept). Unreadable entries stay where they are. Returns how many jobs moved.
     */
    public int retryDead(String queue) {
        return deadLetters.retry(queue, job -> true);
    }

    /** {@link #retryDead} for the one dead job {@code jobId}; false when the queue holds no such dead job. */
    public boolean retryDeadJob(String queue, String jobId) {
        return deadLetters.retry(queue, job -> job.id().equals(jobId)) > 0;
    }

    /** The first {@code limit} dead jobs of a queue, oldest first; unreadable entries are left out (and logged). */
    public List<Job> deadJobs(String queue, int limit) {
        return deadLetters.first(queue, limit);
    }

    /**
     * Every readable job a queue holds: ready, delayed, dead and in any worker's processing list, read in one atomic
     * step (only a processing list a new worker creates after the SCAN that finds them is missed). For reconciling
     * the queue with the database; reads the whole queue.
     */
    public List<Job> heldJobs(String queue) {
        List<Object> keys =
                new ArrayList<>(List.of(QueueKeys.ready(queue), QueueKeys.delayed(queue), QueueKeys.dead(queue)));
        keys.addAll(processingLists.processingKeys(queue));
        List<String> raws = LuaScript.HELD_JOBS.evalList(redis, keys);
        List<Job> jobs = new ArrayList<>(raws.size());
        for (String raw : raws) {
            readable(queue, raw).ifPresent(jobs::add);
        }
        return jobs;
    }

    /** How many jobs wait, run and lie dead in a queue (processing summed over all workers, found with SCAN). */
    public QueueCounts counts(String queue) {
        return new QueueInspector(perJob).counts(queue);
    }

    /** {@link #counts(String)} of several queues, in the order given. */
    public Map<String, QueueCounts> counts(Collection<String> queues) {
        return new QueueInspector(perJob).counts(queues);
    }

    /** A job just moved into a processing list; one that cannot be read goes on to the dead list (it never could). */
    private Optional<TakenJob> taken(String queue, String workerId, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TakenJob(queue, workerId, raw, JobCodec.decode(raw)));
        } catch (MalformedJobException e) {
            LuaScript.MOVE_JOB.evalLong(
                    redis, List.of(QueueKeys.processing(queue, workerId), QueueKeys.dead(queue)), raw, raw, "tail");
            log.error("moved an unreadable job from queue {} to its dead list: {}", queue, e.getMessage());
            return Optional.empty();
        }
    }

    private <P extends Record> Job newJob(JobType<P> type, P payload) {
        return Job.fresh(type, payload, clock.instant());
    }

    private RList<String> list(String key) {
        return redis.getList(key, StringCodec.INSTANCE);
    }

    static Optional<Job> readable(String queue, String raw) {
        try {
            return Optional.of(JobCodec.decode(raw));
        } catch (MalformedJobException e) {
            log.warn("skipping an unreadable job of queue {}: {}", queue, e.getMessage());
            return Optional.empty();
        }
    }

    /** The endings worth counting: a job done, given up, retried later, or dead-lettered. */
    public static final List<JobOutcome> COUNTED_OUTCOMES = OutcomeCounters.COUNTED;

    void countOutcome(String queue, JobOutcome outcome) {
        outcomes.count(queue, outcome);
    }

    /** How many deliveries of the queue's jobs ended each {@linkplain #COUNTED_OUTCOMES counted way}, ever. */
    public Map<JobOutcome, Long> outcomeCounts(String queue) {
        return outcomes.counts(queue);
    }
}
