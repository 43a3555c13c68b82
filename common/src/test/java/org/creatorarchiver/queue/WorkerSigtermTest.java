package org.creatorarchiver.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creatorarchiver.queue.BlockingWorkerMain.Step;
import org.creatorarchiver.redis.RedisUrl;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** A real worker JVM receives SIGTERM while it holds jobs. */
class WorkerSigtermTest {

    private static final Duration GRACE = Duration.ofSeconds(3);
    /** Grace, the interrupted jobs' unwinding, the hand-back and the JVM's own exit. */
    private static final Duration EXIT_BOUND = GRACE.plusSeconds(7);

    private static final int EXIT_CODE_SIGTERM = 128 + 15;

    private final RedissonClient redis = TestServices.redisson();
    private final JobQueue queue = new JobQueue(redis, Clock.systemUTC());
    private Process child;
    private Path childLog;

    @BeforeEach
    void emptyRedis() {
        TestServices.flushRedis();
    }

    @AfterEach
    void killChild() throws IOException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        if (childLog != null) {
            System.out.println("--- worker process output ---\n" + Files.readString(childLog));
            Files.deleteIfExists(childLog);
        }
    }

    @Test
    void sigtermFinishesAShortJobAndHandsBackTheOnesThatOutlastTheGracePeriod() throws Exception {
        List<String> blocking = queue.enqueueAll(
                BlockingWorkerMain.STEP, List.of(new Step("block-1", true), new Step("block-2", true)));
        queue.enqueue(BlockingWorkerMain.STEP, new Step("short", false));

        child = startWorkerProcess();
        // All three taken, and the short one inside its handler (a job taken but not yet started is handed back).
        await().atMost(Duration.ofSeconds(30))
                .until(() -> queue.counts(Queues.PHASE3).processing() == 3
                        && redis.getBucket(BlockingWorkerMain.RUNNING_KEY).isExists());
        String processingKey =
                queue.processingLists().processingKeys(Queues.PHASE3).getFirst();
        String workerId = QueueKeys.parseProcessing(processingKey).orElseThrow().workerId();
        assertThat(redis.getKeys().countExists(QueueKeys.worker(workerId))).isEqualTo(1);

        child.destroy();
        redis.getBucket(BlockingWorkerMain.RELEASE_KEY, StringCodec.INSTANCE).set("go");

        assertThat(child.waitFor(EXIT_BOUND.toMillis(), TimeUnit.MILLISECONDS))
                .as("worker exits within %s of SIGTERM", EXIT_BOUND)
                .isTrue();
        assertThat(child.exitValue()).isEqualTo(EXIT_CODE_SIGTERM);
        assertThat(redis.<String>getList(BlockingWorkerMain.FINISHED_KEY, StringCodec.INSTANCE)
                        .readAll())
                .as("the short job finished once")
                .containsExactly("short");
        List<Job> ready = redis.<String>getList(QueueKeys.ready(Queues.PHASE3), StringCodec.INSTANCE).readAll().stream()
                .map(JobCodec::decode)
                .toList();
        assertThat(ready).extracting(Job::id).as("handed back in order").isEqualTo(blocking);
        assertThat(ready).extracting(Job::attempt).containsOnly(0);
        assertThat(queue.counts(Queues.PHASE3)).isEqualTo(new QueueCounts(2, 0, 0, 0));
        assertThat(redis.getKeys().countExists(processingKey, QueueKeys.worker(workerId)))
                .isZero();
    }

    private Process startWorkerProcess() throws IOException {
        childLog = Files.createTempFile("sigterm-worker", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BlockingWorkerMain.class.getName(),
                        String.valueOf(GRACE.toMillis()))
                .redirectErrorStream(true)
                .redirectOutput(childLog.toFile());
        builder.environment().put("REDIS_URL", unmasked(TestServices.redisUrl()));
        return builder.start();
    }

    /** RedisUrl.toString() hides the password; the child needs the real one. */
    private static String unmasked(RedisUrl url) {
        String credentials = url.password() == null
                ? ""
                : (url.username() == null ? "" : encode(url.username())) + ":" + encode(url.password()) + "@";
        return (url.tls() ? "rediss://" : "redis://") + credentials + url.host() + ":" + url.port() + "/"
                + url.database();
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
