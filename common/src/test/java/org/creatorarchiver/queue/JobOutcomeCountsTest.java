package org.creatorarchiver.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every delivery's ending is counted per queue in Redis, where {@code /metrics} reads it. */
class JobOutcomeCountsTest {

    record Task(String kind) {}

    private static final JobType<Task> TASK = JobType.of(Queues.PHASE3, "test_task", Task.class);

    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());
    private WorkerRuntime runtime;

    @BeforeEach
    void emptyRedis() {
        TestServices.flushRedis();
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.shutdown();
        }
    }

    @Test
    void doneGivenUpRetriedAndDeadLetteredAreCountedPerQueue() {
        runtime = WorkerRuntime.builder(TestServices.redisson(), "test-counts")
                .handle(
                        TASK,
                        (task, context) -> {
                            switch (task.kind()) {
                                case "fine" -> {}
                                case "hopeless" -> throw JobFailure.permanent("no such thing");
                                default -> throw new IllegalStateException("flaky");
                            }
                        },
                        new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), 0))
                .concurrency(Queues.PHASE3, 1)
                .promoteInterval(Duration.ofMillis(20))
                .build();
        runtime.start();

        queue.enqueue(TASK, new Task("fine"));
        queue.enqueue(TASK, new Task("fine"));
        queue.enqueue(TASK, new Task("hopeless"));
        queue.enqueue(TASK, new Task("always failing"));

        Map<JobOutcome, Long> expected = Map.of(
                JobOutcome.SUCCEEDED,
                2L,
                JobOutcome.FAILED_PERMANENTLY,
                1L,
                JobOutcome.RETRY_SCHEDULED,
                1L,
                JobOutcome.DEAD_LETTERED,
                1L);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queue.outcomeCounts(Queues.PHASE3).equals(expected));
        assertThat(queue.outcomeCounts(Queues.PHASE1))
                .allSatisfy((outcome, count) -> assertThat(count).isZero());
    }
}
