package org.creatorarchiver.queue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Read-only views of the queues and of the workers' heartbeats, over plain blocking Redis commands. It needs no
 * Redisson client, so a CLI verb that only reads ({@code status}) starts without one; {@link JobQueue#counts} and
 * {@link Heartbeats#live} answer through it too, so there is one way to count.
 */
public final class QueueInspector {

    private static final int SCAN_COUNT = 100;

    private final UnifiedJedis redis;

    public QueueInspector(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /** How many jobs wait, run and lie dead in a queue (processing summed over all workers, found with SCAN). */
    public QueueCounts counts(String queue) {
        return onceMoreIfTheConnectionBroke(() -> countsNow(queue));
    }

    private QueueCounts countsNow(String queue) {
        long processing = 0;
        for (String key : keys(QueueKeys.processingPattern(queue))) {
            processing += redis.llen(key);
        }
        return new QueueCounts(
                redis.llen(QueueKeys.ready(queue)),
                redis.zcard(QueueKeys.delayed(queue)),
                processing,
                redis.llen(QueueKeys.dead(queue)));
    }

    /** {@link #counts(String)} of several queues, in the order given. */
    public Map<String, QueueCounts> counts(Collection<String> queues) {
        Map<String, QueueCounts> counts = new LinkedHashMap<>();
        queues.forEach(name -> counts.put(name, counts(name)));
        return counts;
    }

    /** The workers whose heartbeat is present, by id. */
    public List<WorkerInfo> liveWorkers() {
        return onceMoreIfTheConnectionBroke(this::liveWorkersNow);
    }

    private List<WorkerInfo> liveWorkersNow() {
        List<WorkerInfo> workers = new ArrayList<>();
        for (String key : keys(QueueKeys.allWorkersPattern())) {
            String json = redis.get(key);
            // Expired between SCAN and GET: that worker is gone.
            if (json != null) {
                workers.add(Heartbeats.fromJson(key, json));
            }
        }
        workers.sort(Comparator.comparing(WorkerInfo::id));
        return workers;
    }

    /**
     * A pooled connection Redis closed (a restart) fails its next command and is dropped from the pool; the second
     * try takes a new one. Reads are safe to repeat; a Redis still down fails the second try too.
     */
    private static <T> T onceMoreIfTheConnectionBroke(Supplier<T> read) {
        try {
            return read.get();
        } catch (JedisConnectionException brokenConnection) {
            return read.get();
        }
    }

    private List<String> keys(String pattern) {
        List<String> keys = new ArrayList<>();
        ScanParams params = new ScanParams().match(pattern).count(SCAN_COUNT);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return keys;
    }
}
