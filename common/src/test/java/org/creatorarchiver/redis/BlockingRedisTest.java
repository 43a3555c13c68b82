package org.creatorarchiver.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.JobType;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.util.SafeEncoder;

class BlockingRedisTest {

    record Item(int number) {}

    private static final JobType<Item> ITEM = JobType.of(Queues.PHASE2, "test_item", Item.class);

    @BeforeEach
    void emptyRedis() {
        TestServices.flushRedis();
    }

    @Test
    void jobsEnqueuedOverTheBlockingConnectionsLandInTheRedissonClientsDatabase() {
        RedissonClient process = RedisClients.connect(TestServices.redisUrl(), "blocking-db-test");
        try {
            new JobQueue(process, Clock.systemUTC()).enqueue(ITEM, new Item(7));

            assertThat(TestServices.redisson()
                            .getList("archiver:queue:phase2", StringCodec.INSTANCE)
                            .readAll())
                    .singleElement()
                    .asString()
                    .contains("\"number\":7");
        } finally {
            process.shutdown();
        }
    }

    @Test
    void aShutDownClientsBlockingConnectionsAreClosed() {
        String name = "blocking-close-test-" + UUID.randomUUID();
        RedissonClient process = RedisClients.connect(TestServices.redisUrl(), name);
        new JobQueue(process, Clock.systemUTC()).enqueue(ITEM, new Item(1));
        assertThat(connectionsNamed(name))
                .as("Redisson's and the blocking pool's connections")
                .isPositive();

        process.shutdown();
        BlockingRedis.of(TestServices.redisson()); // any lookup closes the pools of shut-down clients

        assertThat(connectionsNamed(name)).isZero();
        assertThatThrownBy(() -> BlockingRedis.of(process))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the Redis client is shut down");
    }

    private static long connectionsNamed(String name) {
        Object reply = BlockingRedis.of(TestServices.redisson()).sendCommand(Protocol.Command.CLIENT, "LIST");
        return Arrays.stream(SafeEncoder.encode((byte[]) reply).split("\n"))
                .filter(line -> line.contains(" name=" + name + " "))
                .count();
    }
}
