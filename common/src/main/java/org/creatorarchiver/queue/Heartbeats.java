package org.creatorarchiver.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.creatorarchiver.redis.BlockingRedis;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat keys {@code archiver:worker:<id>}: a worker is alive exactly while its key exists, so its TTL bounds
 * how long the jobs of a crashed worker wait before the reaper hands them back.
 */
public final class Heartbeats {

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final RedissonClient redis;

    public Heartbeats(RedissonClient redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /** Creates or refreshes the worker's key for another {@code ttl}, saying when (the dashboard shows its age). */
    public void beat(WorkerInfo worker, Duration ttl) {
        redis.getBucket(QueueKeys.worker(worker.id()), StringCodec.INSTANCE)
                .set(toJson(worker.beating(Instant.now())), ttl);
    }

    public void remove(String workerId) {
        redis.getBucket(QueueKeys.worker(workerId), StringCodec.INSTANCE).delete();
    }

    public boolean isAlive(String workerId) {
        return redis.getBucket(QueueKeys.worker(workerId), StringCodec.INSTANCE).isExists();
    }

    /** The workers whose heartbeat is present, by id (found with SCAN). */
    public List<WorkerInfo> live() {
        return new QueueInspector(BlockingRedis.of(redis)).liveWorkers();
    }

    private static String toJson(WorkerInfo worker) {
        try {
            return JobCodec.JSON.writeValueAsString(worker);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write heartbeat of worker " + worker.id(), e);
        }
    }

    /** A heartbeat another program wrote badly still proves a live worker; it is listed by its id alone. */
    static WorkerInfo fromJson(String key, String json) {
        try {
            return JobCodec.JSON.readValue(json, WorkerInfo.class);
        } catch (JsonProcessingException e) {
            log.warn("unreadable heartbeat {}: {}", key, e.getOriginalMessage());
            return new WorkerInfo(QueueKeys.workerIdOf(key), List.of(), "", 0, Instant.EPOCH);
        }
    }
}
