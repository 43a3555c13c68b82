package org.creatorarchiver.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.creatorarchiver.testing.SettableClock;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

class WorkerRuntimeTest {

    record Item(int number) {}

    private static final String QUEUE = Queues.PHASE2;
    private static final JobType<Item> ITEM = JobType.of(QUEUE, "test_item", Item.class);
    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10), 0);
    private static final QueueCounts EMPTY = new QueueCounts(0, 0, 0, 0);

    private final RedissonClient redis = TestServices.redisson();
    private final JobQueue queue = new JobQueue(redis, Clock.systemUTC());
    private final List<WorkerRuntime> runtimes = new ArrayList<>();

    @BeforeEach
    void emptyRedis() {
        TestServices.flushRedis();
    }

    @AfterEach
    void stopWorkers() {
        runtimes.forEach(WorkerRuntime::shutdown);
    }

    @Test
    void aJobThatKeepsFailingIsDeadLetteredAfterMaxRetriesPlusOneAttempts() {
        RecordingHandler handler = new RecordingHandler();
        handler.failWith = attempt -> new IllegalStateException("boom on attempt " + attempt);
        start(worker().handle(ITEM, handler, FAST_RETRIES));

        String id = queue.enqueue(ITEM, new Item(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> queue.counts(QUEUE).dead() == 1);
        assertThat(handler.attempts).containsExactly(0, 1, 2, 3);
        assertThat(handler.gaveUp)
                .containsExactly("gave up after 4 attempts: IllegalStateException: boom on attempt 3");
        assertThat(queue.counts(QUEUE)).isEqualTo(new QueueCounts(0, 0, 0, 1));
        Job dead = queue.deadJobs(QUEUE, 10).getFirst();
        assertThat(dead.id()).isEqualTo(id);
        assertThat(dead.attempt()).isEqualTo(4);
        assertThat(dead.lastError()).isEqualTo("IllegalStateException: boom on attempt 3");

        handler.failWith = null;
        assertThat(queue.retryDead(QUEUE)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> handler.succeeded.size() == 1);
        assertThat(handler.attempts).containsExactly(0, 1, 2, 3, 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.counts(QUEUE).equals(EMPTY));
        assertThat(handler.gaveUp).hasSize(1);
    }

    @Test
    void aPermanentFailureIsNeitherRetriedNorDeadLetteredButRecorded() {
        RecordingHandler handler = new RecordingHandler();
        handler.failWith = attempt -> new RuntimeException(JobFailure.permanent("post is locked"));
        start(worker().handle(ITEM, handler, FAST_RETRIES));

        queue.enqueue(ITEM, new Item(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> handler.gaveUp.size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.counts(QUEUE).equals(EMPTY));
        assertThat(handler.gaveUp).containsExactly("post is locked");
        assertThat(handler.attempts).containsExactly(0);
    }

    @Test
    void aFailureThatCannotBeRecordedIsDeadLetteredInstead() {
        RecordingHandler handler = new RecordingHandler();
        handler.failWith = attempt -> JobFailure.permanent("HTTP 404");
        handler.gaveUpFails = true;
        start(worker().handle(ITEM, handler, FAST_RETRIES));

        queue.enqueue(ITEM, new Item(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> queue.counts(QUEUE).dead() == 1);
        assertThat(queue.deadJobs(QUEUE, 1).getFirst().lastError())
                .isEqualTo("HTTP 404; recording the failure failed: IllegalStateException: database is down");
        assertThat(handler.attempts).containsExactly(0);
    }

    @Test
    void aDelayedJobIsNotDeliveredBeforeItsTimeAndIsAfter() {
        SettableClock clock = SettableClock.at("2026-11-21T10:00:00Z");
        RecordingHandler handler = new RecordingHandler();
        start(worker().clock(clock).handle(ITEM, handler, FAST_RETRIES));

        new JobQueue(redis, clock).enqueueAt(ITEM, new Item(1), clock.instant().plus(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(59));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> handler.attempts.isEmpty());
        assertThat(queue.counts(QUEUE)).isEqualTo(new QueueCounts(0, 1, 0, 0));

        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.succeeded.size() == 1);
    }

    @Test
    void aRetryAfterHintLongerThanThePolicysDelayDecidesWhenTheRetryIsDue() {
        SettableClock clock = SettableClock.at("2026-11-21T10:00:00Z");
        RecordingHandler handler = new RecordingHandler();
        handler.failWith = attempt -> JobFailure.retryAfter(Duration.ofMinutes(10), "HTTP 429");
        start(worker().clock(clock).handle(ITEM, handler, FAST_RETRIES));

        queue.enqueue(ITEM, new Item(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> queue.counts(QUEUE).delayed() == 1);
        var delayed = redis.<String>getScoredSortedSet(QueueKeys.delayed(QUEUE), StringCodec.INSTANCE);
        Job parked = JobCodec.decode(delayed.first());
        assertThat(Instant.ofEpochMilli(delayed.getScore(delayed.first()).longValue()))
                .isEqualTo(Instant.parse("2026-11-21T10:10:00Z"));
        assertThat(parked.attempt()).isEqualTo(1);
        assertThat(parked.lastError()).isEqualTo("JobFailure: HTTP 429");
    }

    @Test
    void aPostponedJobWaitsUntilItsTimeAsOftenAsNeededWithoutUsingItsRetries() {
        SettableClock clock = SettableClock.at("2026-11-21T22:00:00Z");
        Instant midnight = Instant.parse("2026-11-22T00:00:00Z");
        RecordingHandler handler = new RecordingHandler();
        handler.failWith = attempt -> JobFailure.postpone(midnight, "daily budget reached");
        start(worker().clock(clock).handle(ITEM, handler, FAST_RETRIES));
        queue.enqueue(ITEM, new Item(1));

        // More postponements than the policy has retries: none counts as a failed attempt.
        var delayed = redis.<String>getScoredSortedSet(QueueKeys.delayed(QUEUE), StringCodec.INSTANCE);
        int rounds = FAST_RETRIES.maxRetries() + 2;
        for (int round = 1; round <= rounds; round++) {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> queue.counts(QUEUE).delayed() == 1);
            Job parked = JobCodec.decode(delayed.first());
            assertThat(Instant.ofEpochMilli(delayed.getScore(delayed.first()).longValue()))
                    .isEqualTo(midnight);
            assertThat(parked.attempt()).isZero();
            assertThat(parked.lastError()).isEqualTo("daily budget reached");
            if (round == rounds) {
                handler.failWith = null;
            }
            assertThat(queue.promoteDue(QUEUE, midnight)).isEqualTo(1);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> handler.succeeded.size() == 1);
        assertThat(handler.gaveUp).isEmpty();
        assertThat(queue.counts(QUEUE).dead()).isZero();
    }

    @Test
    void aJobOfATypeThisWorkerDoesNotKnowIsDeadLettered() {
        start(worker().handle(ITEM, new RecordingHandler(), FAST_RETRIES));

        queue.enqueue(JobType.of(QUEUE, "from_the_future", Item.class), new Item(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> queue.counts(QUEUE).dead() == 1);
        assertThat(queue.deadJobs(QUEUE, 1).getFirst().lastError())
                .startsWith("no handler for job type 'from_the_future' in worker test-worker-");
    }

    @Test
    void theHeartbeatNamesTheWorkerAndItsQueuesUntilShutdown() {
        SettableClock clock = SettableClock.at("2026-11-21T10:00:00Z");
        WorkerRuntime runtime =
                start(worker().clock(clock).concurrency(QUEUE, 3).handle(ITEM, new RecordingHandler(), FAST_RETRIES));

        assertThat(runtime.workerId())
                .matches("test-worker-.+-" + ProcessHandle.current().pid() + "-[0-9a-f]{6}");
        assertThat(new Heartbeats(redis).live()).singleElement().satisfies(worker -> {
            assertThat(worker.id()).isEqualTo(runtime.workerId());
            assertThat(worker.queues()).containsExactly(QUEUE);
            assertThat(worker.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(worker.startedAt()).isEqualTo(clock.instant());
        });
        assertThat(redis.getBucket(QueueKeys.worker(runtime.workerId())).remainTimeToLive())
                .isBetween(1L, 30_000L);

        runtime.shutdown();

        assertThat(new Heartbeats(redis).live()).isEmpty();
    }

    @Test
    void shutdownLetsAShortJobFinishAndHandsBackOneThatOutlastsTheGracePeriod() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        JobHandler<Item> handler = (item, context) -> {
            bothRunning.countDown();
            Thread.sleep(item.number() == 1 ? 300 : 60_000);
        };
        WorkerRuntime runtime = start(worker().concurrency(QUEUE, 2)
                .shutdownGrace(Duration.ofMillis(800))
                .handle(ITEM, handler, FAST_RETRIES));
        queue.enqueue(ITEM, new Item(1));
        String slow = queue.enqueue(ITEM, new Item(2));
        assertThat(bothRunning.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        runtime.shutdown();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(queue.counts(QUEUE)).isEqualTo(new QueueCounts(1, 0, 0, 0));
        Job handedBack = JobCodec.decode(redis.<String>getList(QueueKeys.ready(QUEUE), StringCodec.INSTANCE)
                .get(0));
        assertThat(handedBack.id()).isEqualTo(slow);
        assertThat(handedBack.attempt())
                .as("an interrupted job is not a failed attempt")
                .isZero();
        assertThat(new Heartbeats(redis).isAlive(runtime.workerId())).isFalse();
        runtime.shutdown();
    }

    @Test
    void aHandlerThatLeavesItsThreadInterruptedDoesNotStopTheConsumer() {
        List<Integer> done = new CopyOnWriteArrayList<>();
        start(worker().handle(
                        ITEM,
                        (item, context) -> {
                            done.add(item.number());
                            Thread.currentThread().interrupt();
                        },
                        FAST_RETRIES));

        queue.enqueue(ITEM, new Item(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 1);
        queue.enqueue(ITEM, new Item(2));

        await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 2);
    }

    @Test
    void aJobStrandedInTheWorkersOwnProcessingListIsHandedBackAndRun() {
        RecordingHandler handler = new RecordingHandler();
        WorkerRuntime runtime =
                start(worker().reapInterval(Duration.ofMillis(100)).handle(ITEM, handler, FAST_RETRIES));

        // As if BLMOVE ran in Redis but its reply never reached a consumer (a dropped connection).
        String stranded = JobCodec.encode(new Job("lost-1", "test_item", "{\"number\":7}", 0, Instant.now(), null));
        redis.getList(QueueKeys.processing(QUEUE, runtime.workerId()), StringCodec.INSTANCE)
                .add(stranded);

        await().atMost(Duration.ofSeconds(10)).until(() -> handler.succeeded.contains(7));
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.counts(QUEUE).equals(EMPTY));
        assertThat(handler.attempts).containsExactly(0);
    }

    private WorkerRuntime.Builder worker() {
        return WorkerRuntime.builder(redis, "test-worker")
                .promoteInterval(Duration.ofMillis(20))
                .reapInterval(Duration.ofMillis(200))
                .shutdownGrace(Duration.ofSeconds(2));
    }

    private WorkerRuntime start(WorkerRuntime.Builder builder) {
        WorkerRuntime runtime = builder.build();
        runtimes.add(runtime);
        runtime.start();
        return runtime;
    }

    /** Fails as told and remembers every call. */
    static final class RecordingHandler implements JobHandler<Item> {
        interface Failure {
            Exception forAttempt(int attempt);
        }

        final List<Integer> attempts = new CopyOnWriteArrayList<>();
        final List<Integer> succeeded = new CopyOnWriteArrayList<>();
        final List<String> gaveUp = new CopyOnWriteArrayList<>();
        volatile Failure failWith;
        volatile boolean gaveUpFails;

        @Override
        public void handle(Item item, JobContext context) throws Exception {
            attempts.add(context.attempt());
            Failure failure = failWith;
            if (failure != null) {
                throw failure.forAttempt(context.attempt());
            }
            succeeded.add(item.number());
        }

        @Override
        public void onGaveUp(Item item, JobContext context, String reason) {
            if (gaveUpFails) {
                throw new IllegalStateException("database is down");
            }
            gaveUp.add(reason);
        }
    }
}
