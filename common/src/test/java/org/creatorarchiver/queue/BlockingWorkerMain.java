package org.creatorarchiver.queue;

import java.time.Duration;
import org.creatorarchiver.redis.RedisClients;
import org.creatorarchiver.redis.RedisUrl;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * A worker process for {@link WorkerSigtermTest}: consumes {@link #STEP} jobs three at a time until SIGTERM.
 * A blocking step sleeps for an hour; a short step sets {@link #RUNNING_KEY}, waits for the test to set
 * {@link #RELEASE_KEY} (so it is surely in flight when the signal comes), then appends its name to {@link #FINISHED_KEY}.
 * Usage: {@code BlockingWorkerMain <shutdown-grace-ms>} with {@code REDIS_URL} set.
 */
public final class BlockingWorkerMain {

    public record Step(String name, boolean blocks) {}

    public static final JobType<Step> STEP = JobType.of(Queues.PHASE3, "sigterm_step", Step.class);
    public static final String RUNNING_KEY = "test:sigterm:short-running";
    public static final String RELEASE_KEY = "test:sigterm:release";
    public static final String FINISHED_KEY = "test:sigterm:finished";

    private BlockingWorkerMain() {}

    public static void main(String[] args) {
        Duration grace = Duration.ofMillis(Long.parseLong(args[0]));
        RedissonClient redis = RedisClients.connect(RedisUrl.parse(System.getenv("REDIS_URL")), "sigterm-child");
        JobHandler<Step> handler = (step, context) -> {
            if (step.blocks()) {
                Thread.sleep(Duration.ofHours(1));
                return;
            }
            redis.getBucket(RUNNING_KEY, StringCodec.INSTANCE).set(context.jobId());
            while (!redis.getBucket(RELEASE_KEY, StringCodec.INSTANCE).isExists()) {
                Thread.sleep(20);
            }
            redis.getList(FINISHED_KEY, StringCodec.INSTANCE).add(step.name());
        };
        WorkerRuntime.builder(redis, "sigterm-child")
                .concurrency(Queues.PHASE3, 3)
                .shutdownGrace(grace)
                .handle(STEP, handler, RetryPolicy.exponential(3, Duration.ofSeconds(60)))
                .build()
                .runUntilShutdown();
    }
}
