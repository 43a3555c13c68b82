package org.creatorarchiver.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.creatorarchiver.redis.RedisClients;
import org.creatorarchiver.redis.RedisUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.api.RedissonClient;

/**
 * A worker keeps going through a Redis restart (its data saved, its script cache and connections gone): jobs taken
 * before, during and after the restart all finish, none is lost or left behind. Runs a private redis-server (the
 * binary CI installs) on a free port, so the shared test Redis is never restarted.
 */
class RedisRestartTest {

    record Item(int number) {}

    private static final JobType<Item> ITEM = JobType.of(Queues.PHASE2, "restart_item", Item.class);
    private static final int JOBS = 200;

    @TempDir
    Path dataDir;

    private Process server;
    private int port;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void aWorkerFinishesEveryJobAcrossARedisRestart() throws Exception {
        port = freePort();
        startServer();
        RedisUrl url = RedisUrl.parse("redis://127.0.0.1:" + port + "/0");
        RedissonClient producerProcess = RedisClients.connect(url, "restart-producer");
        RedissonClient workerProcess = RedisClients.connect(url, "restart-worker");
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        WorkerRuntime worker = WorkerRuntime.builder(workerProcess, "restart-worker")
                .concurrency(Queues.PHASE2, 2)
                .handle(
                        ITEM,
                        (item, context) -> {
                            Thread.sleep(5); // slow enough that the restart finds jobs in flight and waiting
                            done.add(item.number());
                        },
                        new RetryPolicy(5, Duration.ofMillis(50), Duration.ofMillis(200), 0))
                .build();
        try {
            JobQueue queue = new JobQueue(producerProcess, Clock.systemUTC());
            queue.enqueueAll(ITEM, IntStream.range(0, JOBS).mapToObj(Item::new).toList());
            worker.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> done.size() >= JOBS / 4);

            restartServer();

            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            done.size() == JOBS && queue.counts(Queues.PHASE2).equals(new QueueCounts(0, 0, 0, 0)));
            assertThat(done).hasSize(JOBS);
            assertThat(queue.deadJobs(Queues.PHASE2, 10)).isEmpty();
        } finally {
            worker.shutdown();
            producerProcess.shutdown();
            workerProcess.shutdown();
        }
    }

    private void startServer() throws IOException {
        server = new ProcessBuilder(List.of(
                        "redis-server",
                        "--port",
                        String.valueOf(port),
                        "--bind",
                        "127.0.0.1",
                        "--dir",
                        dataDir.toString(),
                        "--save",
                        "",
                        "--appendonly",
                        "no"))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("redis.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(10)).until(this::listening);
    }

    /** SHUTDOWN SAVE writes the data to disk first, as a Redis with persistence does when it is restarted. */
    private void restartServer() throws Exception {
        Process shutdown = new ProcessBuilder("redis-cli", "-p", String.valueOf(port), "shutdown", "save")
                .redirectErrorStream(true)
                .start();
        shutdown.waitFor(10, TimeUnit.SECONDS);
        assertThat(server.waitFor(10, TimeUnit.SECONDS))
                .as("redis-server stopped")
                .isTrue();
        Thread.sleep(500); // the worker meets a Redis that is not there
        startServer();
    }

    private boolean listening() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
