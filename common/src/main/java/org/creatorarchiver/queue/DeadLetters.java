package org.creatorarchiver.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.redisson.api.RList;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** A queue's dead list ({@code archiver:queue:<name>:dead}): reading it, and moving its jobs back to ready. */
final class DeadLetters {

    private final RedissonClient redis;

    DeadLetters(RedissonClient redis) {
        this.redis = redis;
    }

    /**
     * Moves the dead jobs {@code chosen} picks to the end of the ready list with their attempts reset to 0 (the last
     * error is kept); unreadable entries stay. Each move is atomic, and a job another caller moved first is skipped.
     */
    int retry(String queue, Predicate<Job> chosen) {
        String dead = QueueKeys.dead(queue);
        List<Object> keys = List.of(dead, QueueKeys.ready(queue));
        int moved = 0;
        for (String raw : list(dead).readAll()) {
            Optional<Job> job = JobQueue.readable(queue, raw).filter(chosen);
            if (job.isPresent()) {
                String revived = JobCodec.encode(job.get().withAttemptsReset());
                moved += (int) LuaScript.MOVE_JOB.evalLong(redis, keys, raw, revived, "tail");
            }
        }
        return moved;
    }

    /** The first {@code limit} dead jobs, oldest first; unreadable entries are left out (and logged). */
    List<Job> first(String queue, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        List<Job> jobs = new ArrayList<>();
        for (String raw : list(QueueKeys.dead(queue)).range(0, limit - 1)) {
            JobQueue.readable(queue, raw).ifPresent(jobs::add);
        }
        return jobs;
    }

    private RList<String> list(String key) {
        return redis.getList(key, StringCodec.INSTANCE);
    }
}
