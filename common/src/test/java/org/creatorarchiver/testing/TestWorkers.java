package org.creatorarchiver.testing;

import java.time.Clock;
import java.time.Duration;
import org.creatorarchiver.queue.JobContext;
import org.creatorarchiver.queue.JobHandler;
import org.creatorarchiver.queue.JobType;
import org.creatorarchiver.queue.RetryPolicy;
import org.creatorarchiver.queue.WorkerRuntime;

/** Jobs run as a worker runs them, for the phases' tests: one delivery in the test's thread, or a real runtime. */
public final class TestWorkers {

    private TestWorkers() {}

    /** The context of a first delivery of a job of {@code type}, handled by worker {@code test-worker}. */
    public static JobContext firstDelivery(JobType<?> type, String jobId) {
        return new JobContext(jobId, type.type(), type.queue(), 0, "test-worker", Clock.systemUTC());
    }

    /** A started worker runtime consuming {@code type}'s queue with one thread, quick to promote and to stop. */
    public static <P extends Record> WorkerRuntime start(
            String name, JobType<P> type, JobHandler<P> handler, RetryPolicy retries) {
        WorkerRuntime runtime = WorkerRuntime.builder(TestServices.redisson(), name)
                .handle(type, handler, retries)
                .concurrency(type.queue(), 1)
                .promoteInterval(Duration.ofMillis(20))
                .shutdownGrace(Duration.ofSeconds(2))
                .build();
        runtime.start();
        return runtime;
    }
}
