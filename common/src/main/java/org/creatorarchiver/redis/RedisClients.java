package org.creatorarchiver.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Builds the Redisson client every process shares; values are plain strings (JSON) so redis-cli can read them. The
 * queue's per-job commands go over {@link BlockingRedis} connections to the same Redis.
 */
public final class RedisClients {

    private RedisClients() {}

    public static RedissonClient connect(RedisUrl url, String clientName) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        setCredentials(config, url);
        config.useSingleServer()
                .setAddress(url.address())
                .setDatabase(url.database())
                .setClientName(clientName)
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(64)
                .setTimeout(10_000)
                .setRetryAttempts(3);
        RedissonClient client = Redisson.create(config);
        BlockingRedis.register(client, url, clientName);
        return client;
    }

    /** On the top-level config: Redisson 4 warns that the per-server credentials are deprecated. */
    private static void setCredentials(Config config, RedisUrl url) {
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        if (url.username() != null) {
            config.setUsername(url.username());
        }
    }
}
