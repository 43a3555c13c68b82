package org.creatorarchiver.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.creatorarchiver.redis.BlockingRedis;
import org.creatorarchiver.redis.RedisClients;
import org.creatorarchiver.testing.SettableClock;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

class JobQueueTest {

    record Item(int number) {}

    private static final JobType<Item> ITEM = JobType.of(Queues.PHASE2, "test_item", Item.class);
    private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(1);

    private final RedissonClient redis = TestServices.redisson();
    private final SettableClock clock = SettableClock.at("2026-11-21T10:00:00Z");
    private final JobQueue queue = new JobQueue(redis, clock);

    @BeforeEach
    void emptyRedis() {
        TestServices.flushRedis();
    }

    @Test
    void anEnqueuedJobIsReadableJsonAtTheEndOfTheReadyList() throws Exception {
        queue.enqueue(ITEM, new Item(1));
        String id = queue.enqueue(ITEM, new Item(2));

        List<String> ready = strings("archiver:queue:phase2");
        assertThat(ready).hasSize(2);
        JsonNode job = new ObjectMapper().readTree(ready.get(1));
        assertThat(job.get("id").asText()).isEqualTo(id);
        assertThat(job.get("type").asText()).isEqualTo("test_item");
        assertThat(job.get("payload").get("number").asInt()).isEqualTo(2);
        assertThat(job.get("attempt").asInt()).isZero();
        assertThat(job.get("enqueued_at").asText()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(job.get("last_error").isNull()).isTrue();
    }

    @Test
    void takeMovesTheOldestJobIntoTheWorkersProcessingListAndAckRemovesIt() {
        String first = queue.enqueue(ITEM, new Item(1));
        queue.enqueue(ITEM, new Item(2));

        TakenJob taken = queue.take(Queues.PHASE2, "worker-a", TAKE_TIMEOUT).orElseThrow();

        assertThat(taken.job().id()).isEqualTo(first);
        assertThat(strings("archiver:processing:phase2:worker-a")).containsExactly(taken.raw());
        assertThat(queue.counts(Queues.PHASE2)).isEqualTo(new QueueCounts(1, 0, 1, 0));

        assertThat(queue.ack(taken)).isTrue();

        assertThat(redis.getKeys().countExists("archiver:processing:phase2:worker-a"))
                .isZero();
        assertThat(queue.counts(Queues.PHASE2)).isEqualTo(new QueueCounts(1, 0, 0, 0));
    }

    @Test
    void ackAndTakeNextAcknowledgesAndTakesTheNextReadyJobInOneStep() {
        List<String> ids = queue.enqueueAll(ITEM, List.of(new Item(1), new Item(2)));
        TakenJob first = queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT).orElseThrow();

        JobQueue.Acked acked = queue.ackAndTakeNext(first);

        assertThat(acked.found()).isTrue();
        TakenJob second = acked.next().orElseThrow();
        assertThat(second.job().id()).isEqualTo(ids.get(1));
        assertThat(strings("archiver:processing:phase2:w")).containsExactly(second.raw());

        JobQueue.Acked last = queue.ackAndTakeNext(second);

        assertThat(last.found()).isTrue();
        assertThat(last.next()).isEmpty();
        assertThat(queue.counts(Queues.PHASE2)).isEqualTo(new QueueCounts(0, 0, 0, 0));
        assertThat(queue.ackAndTakeNext(second).found())
                .as("acknowledged already")
                .isFalse();
    }

    @Test
    void aRedisThatLostItsScriptCacheStillAcksAndTakes() {
        List<String> ids = queue.enqueueAll(ITEM, List.of(new Item(1), new Item(2)));
        TakenJob first = queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT).orElseThrow();
        queue.ackAndTakeNext(first); // the script is cached by Redis now
        TakenJob second = queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT).orElse(null);
        assertThat(second).as("the ack took the second job along").isNull();
        queue.enqueue(ITEM, new Item(3));
        TakenJob secondTaken = new TakenJob(
                Queues.PHASE2,
                "w",
                strings("archiver:processing:phase2:w").getFirst(),
                JobCodec.decode(strings("archiver:processing:phase2:w").getFirst()));
        assertThat(secondTaken.job().id()).isEqualTo(ids.get(1));

        // What a Redis restart (or SCRIPT FLUSH) does: the server forgets every script it was sent.
        BlockingRedis.of(redis).scriptFlush();
        JobQueue.Acked acked = queue.ackAndTakeNext(secondTaken);

        assertThat(acked.found()).isTrue();
        assertThat(acked.next())
                .hasValueSatisfying(next -> assertThat(next.job().payloadJson()).contains("3"));
        assertThat(queue.outcomeCounts(Queues.PHASE2)).containsEntry(JobOutcome.SUCCEEDED, 2L);
    }

    @Test
    void enqueueAllKeepsTheOrderAndReturnsTheIds() {
        List<Item> items = IntStream.rangeClosed(1, 2500).mapToObj(Item::new).toList();

        List<String> ids = queue.enqueueAll(ITEM, items);

        List<String> ready = strings("archiver:queue:phase2");
        assertThat(ready).hasSize(2500);
        assertThat(ready.stream().map(JobCodec::decode).map(Job::id).toList()).isEqualTo(ids);
        assertThat(JobCodec.payload(JobCodec.decode(ready.get(2499)), Item.class))
                .isEqualTo(new Item(2500));
    }

    @Test
    void enqueueUnlessWaitingAppendsLikeEnqueueWhenNothingEqualWaits() throws Exception {
        queue.enqueue(ITEM, new Item(1));

        Optional<String> id = queue.enqueueUnlessWaiting(ITEM, new Item(2));

        assertThat(id).isPresent();
        List<String> ready = strings("archiver:queue:phase2");
        assertThat(ready).hasSize(2);
        Job appended = JobCodec.decode(ready.get(1));
        assertThat(appended.id()).isEqualTo(id.get());
        assertThat(JobCodec.payload(appended, Item.class)).isEqualTo(new Item(2));
        assertThat(appended.attempt()).isZero();
    }

    @Test
    void enqueueUnlessWaitingSkipsAJobEqualToOneInTheReadyList() {
        String waiting = queue.enqueue(ITEM, new Item(1));

        assertThat(queue.enqueueUnlessWaiting(ITEM, new Item(1))).isEmpty();

        assertThat(strings("archiver:queue:phase2"))
                .singleElement()
                .satisfies(raw -> assertThat(JobCodec.decode(raw).id()).isEqualTo(waiting));
    }

    @Test
    void enqueueUnlessWaitingSkipsAJobEqualToOneWaitingForARetry() {
        queue.enqueue(ITEM, new Item(1));
        TakenJob failed = queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT).orElseThrow();
        queue.retryLater(failed, "boom", clock.instant().plusSeconds(60));

        assertThat(queue.enqueueUnlessWaiting(ITEM, new Item(1))).isEmpty();

        assertThat(queue.counts(Queues.PHASE2)).isEqualTo(new QueueCounts(0, 1, 0, 0));
    }

    @Test
    void enqueueUnlessWaitingIgnoresJobsBeingProcessed() {
        queue.enqueue(ITEM, new Item(1));
        queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT).orElseThrow();

        assertThat(queue.enqueueUnlessWaiting(ITEM, new Item(1))).isPresent();

        assertThat(queue.counts(Queues.PHASE2)).isEqualTo(new QueueCounts(1, 0, 1, 0));
    }

    @Test
    void heldJobsAreThoseReadyDelayedProcessingAndDeadButNotAcknowledged() {
        queue.enqueue(ITEM, new Item(1));
        queue.enqueue(ITEM, new Item(2));
        queue.enqueue(ITEM, new Item(3));
        queue.enqueue(ITEM, new Item(4));
        queue.enqueue(ITEM, new Item(5));
        queue.ack(queue.take(Queues.PHASE2, "w1", TAKE_TIMEOUT).orElseThrow());
        queue.take(Queues.PHASE2, "w1", TAKE_TIMEOUT).orElseThrow();
        queue.retryLater(
                queue.take(Queues.PHASE2, "w2", TAKE_TIMEOUT).orElseThrow(),
                "boom",
                clock.instant().plusSeconds(60));
        queue.deadLetter(queue.take(Queues.PHASE2, "w2", TAKE_TIMEOUT).orElseThrow(), "gave up");
        queue.enqueue(JobType.of(Queues.PHASE1, "elsewhere", Item.class), new Item(6));

        List<Item> held = queue.heldJobs(Queues.PHASE2).stream()
                .map(job -> JobCodec.payload(job, Item.class))
                .toList();

        assertThat(held).containsExactlyInAnyOrder(new Item(2), new Item(3), new Item(4), new Item(5));
    }

    @Test
    void enqueueUnlessWaitingComparesTypeAndWholePayload() {
        JobType<Item> otherType = JobType.of(Queues.PHASE2, "other_item", Item.class);
        queue.enqueue(ITEM, new Item(1));

        assertThat(queue.enqueueUnlessWaiting(ITEM, new Item(2))).isPresent();
        assertThat(queue.enqueueUnlessWaiting(otherType, new Item(1))).isPresent();

        assertThat(queue.counts(Queues.PHASE2).ready()).isEqualTo(3);
    }

    @Test
    void concurrentEnqueueUnlessWaitingOfOneJobLeavesOne() throws Exception {
        List<Callable<Optional<String>>> enqueuers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            enqueuers.add(() -> queue.enqueueUnlessWaiting(ITEM, new Item(7)));
        }
        int appended = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<Optional<String>> result : threads.invokeAll(enqueuers)) {
                appended += result.get().isPresent() ? 1 : 0;
            }
        }

        assertThat(appended).isEqualTo(1);
        assertThat(queue.counts(Queues.PHASE2).ready()).isEqualTo(1);
    }

    @Test
    void aDelayedJobIsPromotedOnlyOnceItIsDue() {
        String id = queue.enqueueAt(ITEM, new Item(1), clock.instant().plus(Duration.ofMinutes(5)));

        assertThat(queue.promoteDue(Queues.PHASE2, clock.instant())).isZero();
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(queue.promoteDue(Queues.PHASE2, clock.instant())).isZero();
        assertThat(queue.counts(Queues.PHASE2)).isEqualTo(new QueueCounts(0, 1, 0, 0));

        clock.advance(Duration.ofMillis(1));
        assertThat(queue.promoteDue(Queues.PHASE2, clock.instant())).isEqualTo(1);

        assertThat(queue.counts(Queues.PHASE2)).isEqualTo(new QueueCounts(1, 0, 0, 0));
        assertThat(queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT)
                        .orElseThrow()
                        .job()
                        .id())
                .isEqualTo(id);
    }

    @Test
    void retryLaterParksTheJobWithOneMoreAttemptAndItsErrorUntilTheDueTime() {
        queue.enqueue(ITEM, new Item(1));
        TakenJob taken = queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT).orElseThrow();
        Instant due = clock.instant().plusSeconds(60);

        assertThat(queue.retryLater(taken, "IOException: reset", due)).isTrue();

        var delayed = redis.<String>getScoredSortedSet("archiver:delayed:phase2", StringCodec.INSTANCE);
        assertThat(delayed.size()).isEqualTo(1);
        String parked = delayed.first();
        assertThat(delayed.getScore(parked)).isEqualTo((double) due.toEpochMilli());
        Job job = JobCodec.decode(parked);
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.lastError()).isEqualTo("IOException: reset");
        assertThat(job.id()).isEqualTo(taken.job().id());
        assertThat(queue.counts(Queues.PHASE2)).isEqualTo(new QueueCounts(0, 1, 0, 0));
    }

    @Test
    void deadJobsComeBackWithAttemptsResetAndTheirLastErrorKept() {
        queue.enqueue(ITEM, new Item(1));
        TakenJob taken = queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT).orElseThrow();
        assertThat(queue.deadLetter(taken, "HTTP 500")).isTrue();

        assertThat(queue.counts(Queues.PHASE2)).isEqualTo(new QueueCounts(0, 0, 0, 1));
        assertThat(queue.deadJobs(Queues.PHASE2, 10))
                .singleElement()
                .satisfies(job -> assertThat(job.lastError()).isEqualTo("HTTP 500"))
                .satisfies(job -> assertThat(job.attempt()).isEqualTo(1));

        assertThat(queue.retryDead(Queues.PHASE2)).isEqualTo(1);

        assertThat(queue.counts(Queues.PHASE2)).isEqualTo(new QueueCounts(1, 0, 0, 0));
        Job revived = queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT).orElseThrow().job();
        assertThat(revived.id()).isEqualTo(taken.job().id());
        assertThat(revived.attempt()).isZero();
        assertThat(revived.lastError()).isEqualTo("HTTP 500");
    }

    @Test
    void handBackPutsAWorkersJobsAtTheFrontOfTheReadyListInTakenOrder() {
        List<String> ids = queue.enqueueAll(ITEM, List.of(new Item(1), new Item(2), new Item(3)));
        queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT).orElseThrow();
        queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT).orElseThrow();

        assertThat(queue.processingLists().handBack(Queues.PHASE2, "w")).hasSize(2);

        assertThat(strings("archiver:queue:phase2").stream()
                        .map(JobCodec::decode)
                        .map(Job::id)
                        .toList())
                .isEqualTo(ids);
        assertThat(queue.processingLists().processingKeys(Queues.PHASE2)).isEmpty();
    }

    @Test
    void settlingAJobThatWasHandedBackMeanwhileChangesNothing() {
        queue.enqueue(ITEM, new Item(1));
        TakenJob taken = queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT).orElseThrow();
        queue.processingLists().handBack(Queues.PHASE2, "w");

        assertThat(queue.retryLater(taken, "late", clock.instant())).isFalse();
        assertThat(queue.deadLetter(taken, "late")).isFalse();
        assertThat(queue.ack(taken)).isFalse();

        assertThat(queue.counts(Queues.PHASE2)).isEqualTo(new QueueCounts(1, 0, 0, 0));
    }

    @Test
    void anUnreadableStringInTheReadyListGoesToTheDeadList() {
        redis.getList("archiver:queue:phase2", StringCodec.INSTANCE).add("{not a job");
        String good = queue.enqueue(ITEM, new Item(1));

        assertThat(queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT)).isEmpty();
        assertThat(queue.take(Queues.PHASE2, "w", TAKE_TIMEOUT)
                        .orElseThrow()
                        .job()
                        .id())
                .isEqualTo(good);

        assertThat(strings("archiver:dead:phase2")).containsExactly("{not a job");
    }

    @Test
    void concurrentPromotersNeverDuplicateAJob() throws Exception {
        int jobs = 3000;
        for (int i = 0; i < jobs; i++) {
            queue.enqueueAt(ITEM, new Item(i), clock.instant().minusMillis(i));
        }
        List<RedissonClient> processes = List.of(
                RedisClients.connect(TestServices.redisUrl(), "promoter-1"),
                RedisClients.connect(TestServices.redisUrl(), "promoter-2"));
        List<Callable<Integer>> promoters = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JobQueue promoter = new JobQueue(processes.get(i % 2), clock);
            promoters.add(() -> promoter.promoteDue(Queues.PHASE2, clock.instant()));
        }
        int promoted = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> result : threads.invokeAll(promoters)) {
                promoted += result.get();
            }
        } finally {
            processes.forEach(RedissonClient::shutdown);
        }

        assertThat(promoted).isEqualTo(jobs);
        List<String> ready = strings("archiver:queue:phase2");
        assertThat(ready).hasSize(jobs).doesNotHaveDuplicates();
        assertThat(queue.counts(Queues.PHASE2)).isEqualTo(new QueueCounts(jobs, 0, 0, 0));
    }

    private List<String> strings(String listKey) {
        return redis.<String>getList(listKey, StringCodec.INSTANCE).readAll();
    }
}
