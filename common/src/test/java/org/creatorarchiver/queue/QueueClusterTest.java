package org.creatorarchiver.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.creatorarchiver.redis.RedisClients;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * Three workers, as three processes would run them (each with its own Redis connections), share one queue and one
 * database: every job's effect is recorded exactly once and no job is left anywhere.
 */
class QueueClusterTest {

    record Item(int itemId) {}

    private static final int JOBS = 5_000;
    private static final int WORKERS = 3;
    private static final String QUEUE = Queues.PHASE2;
    private static final JobType<Item> ITEM = JobType.of(QUEUE, "cluster_item", Item.class);
    private static final RetryPolicy SHORT_RETRIES =
            new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50), 0.2);

    private final DataSource db = TestServices.dataSource();
    private final List<RedissonClient> processes = new ArrayList<>();
    private final List<WorkerRuntime> workers = new ArrayList<>();
    private final AtomicInteger handlerCalls = new AtomicInteger();
    private final AtomicInteger duplicateEffects = new AtomicInteger();

    @BeforeEach
    void freshQueueAndTable() throws SQLException {
        TestServices.flushRedis();
        try (Connection connection = db.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS queue_cluster_effect");
            sql.execute("CREATE TABLE queue_cluster_effect (item_id int PRIMARY KEY, worker_id text NOT NULL,"
                    + " attempt int NOT NULL)");
        }
    }

    @AfterEach
    void stopWorkers() throws SQLException {
        // In parallel, as separate processes would stop.
        workers.stream()
                .map(worker -> Thread.ofVirtual().start(worker::shutdown))
                .toList()
                .forEach(thread -> {
                    try {
                        thread.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        processes.forEach(RedissonClient::shutdown);
        try (Connection connection = db.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS queue_cluster_effect");
        }
    }

    @Test
    void everyJobTakesEffectExactlyOnceAcrossThreeWorkers() throws SQLException {
        for (int i = 0; i < WORKERS; i++) {
            RedissonClient process = RedisClients.connect(TestServices.redisUrl(), "cluster-worker-" + i);
            processes.add(process);
            WorkerRuntime worker = WorkerRuntime.builder(process, "cluster-worker")
                    .concurrency(QUEUE, 4)
                    .promoteInterval(Duration.ofMillis(50))
                    .handle(ITEM, this::recordEffect, SHORT_RETRIES)
                    .build();
            workers.add(worker);
            worker.start();
        }
        JobQueue producer = new JobQueue(TestServices.redisson(), Clock.systemUTC());

        producer.enqueueAll(
                ITEM, IntStream.rangeClosed(1, JOBS).mapToObj(Item::new).toList());

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> producer.counts(QUEUE).equals(new QueueCounts(0, 0, 0, 0)));
        int transientFailures = JOBS / 7;
        assertThat(duplicateEffects).hasValue(0);
        assertThat(handlerCalls).hasValue(JOBS + transientFailures);
        assertThat(query("SELECT count(*) FROM queue_cluster_effect")).isEqualTo(JOBS);
        assertThat(query("SELECT count(*) FROM queue_cluster_effect WHERE item_id BETWEEN 1 AND " + JOBS))
                .isEqualTo(JOBS);
        assertThat(query("SELECT count(*) FROM queue_cluster_effect WHERE attempt = 1"))
                .isEqualTo(transientFailures);
        assertThat(query("SELECT count(*) FROM queue_cluster_effect WHERE attempt = 1 AND item_id % 7 <> 0"))
                .isZero();
        assertThat(query("SELECT count(DISTINCT worker_id) FROM queue_cluster_effect"))
                .isEqualTo(WORKERS);
        assertThat(TestServices.redisson()
                        .getKeys()
                        .getKeysStreamByPattern("archiver:processing:*")
                        .toList())
                .isEmpty();
    }

    /** Fails the first attempt of every 7th item; a second effect for the same item would violate the primary key. */
    private void recordEffect(Item item, JobContext context) throws SQLException {
        handlerCalls.incrementAndGet();
        if (item.itemId() % 7 == 0 && context.attempt() == 0) {
            throw new IllegalStateException("transient failure of item " + item.itemId());
        }
        try (Connection connection = db.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO queue_cluster_effect (item_id, worker_id, attempt) VALUES (?, ?, ?)")) {
            insert.setInt(1, item.itemId());
            insert.setString(2, context.workerId());
            insert.setInt(3, context.attempt());
            insert.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                duplicateEffects.incrementAndGet();
            }
            throw e;
        }
    }

    private int query(String sql) throws SQLException {
        try (Connection connection = db.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
