package org.creatorarchiver.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumers of a worker: per queue N virtual threads taking and running jobs, and their bounded stop (let the
 * jobs in flight finish up to a grace period, then interrupt the rest).
 */
final class ConsumerThreads {

    // Logged under the runtime's name, as before this class was split out of it.
    private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);
    /** How long interrupted jobs get to unwind before their jobs are handed back anyway. */
    private static final Duration ABANDON_WAIT = Duration.ofSeconds(2);

    private final String workerId;
    private final Map<String, ExecutorService> executors = new LinkedHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean taking;
    private volatile boolean abandoning;

    ConsumerThreads(String workerId) {
        this.workerId = workerId;
    }

    /** Whether the consumers still take new jobs (false once the stop began). */
    boolean taking() {
        return taking;
    }

    /** Whether the jobs still running were interrupted because the grace period ran out. */
    boolean abandoning() {
        return abandoning;
    }

    /** The raw jobs the consumers hold right now (shared, concurrently updated). */
    Set<String> inFlight() {
        return inFlight;
    }

    void start(JobQueue queue, JobRunner runner, Map<String, Integer> concurrency) {
        taking = true;
        concurrency.forEach((queueName, threads) -> startQueue(queue, runner, queueName, threads));
    }

    private void startQueue(JobQueue queue, JobRunner runner, String queueName, int threads) {
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("consumer-" + queueName + "-", 0).factory());
        executors.put(queueName, executor);
        for (int i = 0; i < threads; i++) {
            executor.submit(new QueueConsumer(queue, runner, queueName, workerId, inFlight, this::taking));
        }
    }

    /** Stops taking, waits up to {@code grace} for the jobs in flight, then interrupts those still running. */
    void stop(Duration grace) {
        taking = false;
        executors.values().forEach(ExecutorService::shutdown);
        if (!awaitTermination(grace)) {
            log.warn(
                    "worker {}: jobs still running after {}, interrupting them and handing them back", workerId, grace);
            abandoning = true;
            executors.values().forEach(ExecutorService::shutdownNow);
            awaitTermination(ABANDON_WAIT);
        }
    }

    private boolean awaitTermination(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try {
            for (ExecutorService executor : executors.values()) {
                long left =
                        Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                if (!executor.awaitTermination(left, TimeUnit.MILLISECONDS)) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
