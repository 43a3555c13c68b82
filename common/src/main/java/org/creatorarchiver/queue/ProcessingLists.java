package org.creatorarchiver.queue;

import java.util.List;
import java.util.Objects;
import org.redisson.api.RList;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The workers' processing lists ({@code archiver:processing:<queue>:<worker-id>}): finding them, reading them,
 * and handing their jobs back to the front of the ready list when a worker stops, dies or lost a take's reply.
 */
public final class ProcessingLists {

    private final RedissonClient redis;

    /** @param redis a client made by {@link org.creatorarchiver.redis.RedisClients#connect} */
    public ProcessingLists(RedissonClient redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /** Puts all jobs of a worker's processing list back at the front of the ready list; returns them. */
    public List<String> handBack(String queue, String workerId) {
        return LuaScript.HAND_BACK.evalList(
                redis, List.of(QueueKeys.processing(queue, workerId), QueueKeys.ready(queue)));
    }

    /** Puts one job of a worker's processing list back at the front of the ready list; false if it was gone. */
    public boolean handBack(String queue, String workerId, String raw) {
        return LuaScript.MOVE_JOB.evalLong(
                        redis, List.of(QueueKeys.processing(queue, workerId), QueueKeys.ready(queue)), raw, raw, "head")
                == 1;
    }

    /** The jobs in a worker's processing list, exactly as stored. */
    public List<String> processing(String queue, String workerId) {
        RList<String> list = redis.getList(QueueKeys.processing(queue, workerId), StringCodec.INSTANCE);
        return list.readAll();
    }

    /**
     * Like {@link #handBack} but only if the worker's heartbeat is gone, checked in the same atomic step so a worker
     * that comes back at that moment keeps its jobs. Returns the jobs moved (none for a live worker).
     */
    public List<String> handBackIfDead(String queue, String workerId) {
        return LuaScript.HAND_BACK.evalList(
                redis,
                List.of(QueueKeys.processing(queue, workerId), QueueKeys.ready(queue), QueueKeys.worker(workerId)));
    }

    /** The processing lists of a queue, one per worker that holds jobs of it. */
    public List<String> processingKeys(String queue) {
        return redis.getKeys()
                .getKeysStreamByPattern(QueueKeys.processingPattern(queue), 100)
                .toList();
    }

    /** Every processing list of every queue. */
    public List<String> allProcessingKeys() {
        return redis.getKeys()
                .getKeysStreamByPattern(QueueKeys.allProcessingPattern(), 100)
                .toList();
    }
}
