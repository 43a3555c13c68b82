package org.creatorarchiver.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.api.RedissonClient;

class ReaperTest {

    record Item(int number) {}

    private static final String QUEUE = Queues.MEDIA;
    private static final JobType<Item> ITEM = JobType.of(QUEUE, "test_download", Item.class);
    private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(1);

    private final RedissonClient redis = TestServices.redisson();
    private final JobQueue queue = new JobQueue(redis, Clock.systemUTC());
    private final Heartbeats heartbeats = new Heartbeats(redis);
    private WorkerRuntime survivor;

    @BeforeEach
    void emptyRedis() {
        TestServices.flushRedis();
    }

    @AfterEach
    void stopWorker() {
        if (survivor != null) {
            survivor.shutdown();
        }
    }

    @Test
    void aJobHeldByAWorkerWhoseHeartbeatExpiredIsDeliveredToAnotherWorker() {
        String id = queue.enqueue(ITEM, new Item(1));
        heartbeats.beat(worker("crashed-1"), Duration.ofSeconds(1));
        queue.take(QUEUE, "crashed-1", TAKE_TIMEOUT).orElseThrow();
        // The crashed worker never acknowledges and never beats again: its key expires by its TTL.
        await().atMost(Duration.ofSeconds(5)).until(() -> !heartbeats.isAlive("crashed-1"));

        List<String> deliveredTo = new CopyOnWriteArrayList<>();
        List<String> deliveredIds = new CopyOnWriteArrayList<>();
        survivor = WorkerRuntime.builder(redis, "survivor")
                .reapInterval(Duration.ofMillis(100))
                .handle(
                        ITEM,
                        (item, context) -> {
                            deliveredTo.add(context.workerId());
                            deliveredIds.add(context.jobId());
                        },
                        RetryPolicy.exponential(3, Duration.ofSeconds(1)))
                .build();
        survivor.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveredIds.size() == 1);
        assertThat(deliveredIds).containsExactly(id);
        assertThat(deliveredTo).containsExactly(survivor.workerId());
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.counts(QUEUE).equals(new QueueCounts(0, 0, 0, 0)));
    }

    @Test
    void theJobsOfALiveWorkerAreLeftAlone() {
        Reaper reaper = new Reaper(queue, heartbeats, Optional.empty());
        List<String> ids = queue.enqueueAll(ITEM, List.of(new Item(1), new Item(2), new Item(3)));
        heartbeats.beat(worker("alive-1"), Duration.ofSeconds(30));
        queue.take(QUEUE, "alive-1", TAKE_TIMEOUT).orElseThrow();
        queue.take(QUEUE, "alive-1", TAKE_TIMEOUT).orElseThrow();

        assertThat(reaper.reap().jobsHandedBack()).isZero();
        assertThat(queue.counts(QUEUE)).isEqualTo(new QueueCounts(1, 0, 2, 0));

        heartbeats.remove("alive-1");

        assertThat(reaper.reap().jobsHandedBack()).isEqualTo(2);
        assertThat(queue.counts(QUEUE)).isEqualTo(new QueueCounts(3, 0, 0, 0));
        List<String> order = redis
                .<String>getList(QueueKeys.ready(QUEUE), org.redisson.client.codec.StringCodec.INSTANCE)
                .readAll()
                .stream()
                .map(JobCodec::decode)
                .map(Job::id)
                .toList();
        assertThat(order).as("handed back in front, in the order taken").isEqualTo(ids);
    }

    @Test
    void theTempDownloadsOfWorkersWithoutAHeartbeatAreDeleted(@TempDir Path mediaDir) throws IOException {
        Path crashed = Files.createDirectories(mediaDir.resolve("tmp/crashed-2/part"));
        Files.writeString(crashed.resolve("video.mp4.part"), "partial bytes");
        Path alive = Files.createDirectories(mediaDir.resolve("tmp/alive-2"));
        Files.writeString(alive.resolve("audio.mp3.part"), "partial bytes");
        Path archived = Files.createDirectories(mediaDir.resolve("sha256/ab/cd"));
        Files.writeString(archived.resolve("abcd.mp4"), "archived bytes");
        heartbeats.beat(worker("alive-2"), Duration.ofSeconds(30));

        Reaper.Result result = new Reaper(queue, heartbeats, Optional.of(mediaDir)).reap();

        assertThat(result.tempDirsDeleted()).isEqualTo(1);
        assertThat(mediaDir.resolve("tmp/crashed-2")).doesNotExist();
        assertThat(alive.resolve("audio.mp3.part")).exists();
        assertThat(archived.resolve("abcd.mp4")).hasContent("archived bytes");
    }

    private static WorkerInfo worker(String id) {
        return new WorkerInfo(id, List.of(QUEUE), "host", 1, Instant.parse("2026-11-21T10:00:00Z"));
    }
}
