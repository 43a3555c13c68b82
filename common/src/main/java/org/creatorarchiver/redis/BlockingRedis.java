package org.creatorarchiver.redis;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.redisson.api.RedissonClient;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Plain blocking (Jedis) connections to the Redis of a {@link RedissonClient}, for the few commands every job costs:
 * enqueue, take and acknowledge. A Redisson call hands the command to a Netty event loop and parks the caller until
 * the loop completes a future; a Jedis call writes and reads the socket on the caller's thread. On 2 cores that
 * moved the queue from about 12,500 to 22,500 jobs/s with 4 consumers (bench/queue-throughput.sh). Everything else
 * stays on Redisson.
 * <p>
 * {@link RedisClients#connect} registers each client it makes; the pool is opened on first use and closed once its
 * Redisson client has been shut down (checked on every lookup). Connections idle for a minute are closed, so a
 * forgotten pool soon holds none.
 */
public final class BlockingRedis {

    private static final int MAX_CONNECTIONS = 64;
    private static final Duration IDLE_CONNECTION_LIFETIME = Duration.ofMinutes(1);
    private static final int TIMEOUT_MILLIS = 10_000;

    private static final Map<RedissonClient, Registration> REGISTERED = new IdentityHashMap<>();

    private BlockingRedis() {}

    private static final class Registration {
        final RedisUrl url;
        final String clientName;
        UnifiedJedis client;

        Registration(RedisUrl url, String clientName) {
            this.url = url;
            this.clientName = clientName;
        }
    }

    /** Remembers where {@code redisson} connects, so that {@link #of} can open blocking connections to the same db. */
    static synchronized void register(RedissonClient redisson, RedisUrl url, String clientName) {
        REGISTERED.put(redisson, new Registration(url, clientName));
    }

    /**
     * The blocking client for the same Redis, user and database as {@code redisson}.
     *
     * @throws IllegalStateException when {@code redisson} was not made by {@link RedisClients#connect}, or is shut down
     */
    public static synchronized UnifiedJedis of(RedissonClient redisson) {
        closeShutDown();
        Registration registration = REGISTERED.get(redisson);
        if (registration == null) {
            throw new IllegalStateException(
                    redisson.isShutdown()
                            ? "the Redis client is shut down"
                            : "a Redis client not made by RedisClients.connect has no blocking connections");
        }
        if (registration.client == null) {
            registration.client = connect(registration.url, registration.clientName, MAX_CONNECTIONS);
        }
        return registration.client;
    }

    private static void closeShutDown() {
        for (Iterator<Map.Entry<RedissonClient, Registration>> it =
                        REGISTERED.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<RedissonClient, Registration> entry = it.next();
            if (entry.getKey().isShutdown()) {
                if (entry.getValue().client != null) {
                    entry.getValue().client.close();
                }
                it.remove();
            }
        }
    }

    /**
     * A blocking client of its own on {@code url} (user, password and database honoured), holding at most
     * {@code maxConnections}; for a short command that needs no Redisson client at all.
     */
    public static UnifiedJedis connect(RedisUrl url, String clientName, int maxConnections) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .database(url.database())
                .ssl(url.tls())
                .clientName(clientName)
                .timeoutMillis(TIMEOUT_MILLIS);
        if (url.password() != null) {
            config.user(url.username()).password(url.password());
        }
        return RedisClient.builder()
                .hostAndPort(url.host(), url.port())
                .clientConfig(config.build())
                .poolConfig(pool(maxConnections))
                .build();
    }

    private static GenericObjectPoolConfig<Connection> pool(int maxConnections) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(maxConnections);
        pool.setMaxIdle(maxConnections);
        pool.setMinIdle(0);
        pool.setTimeBetweenEvictionRuns(IDLE_CONNECTION_LIFETIME);
        pool.setMinEvictableIdleDuration(IDLE_CONNECTION_LIFETIME);
        pool.setJmxEnabled(false);
        return pool;
    }
}
