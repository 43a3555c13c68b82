package org.creatorarchiver.queue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the handlers of a worker process: per queue N virtual threads taking and running jobs, plus housekeeping
 * (heartbeat, promoter, reaper). {@link #shutdown()} is ordered, idempotent and bounded: stop taking, let the jobs in
 * flight finish up to the grace period, interrupt the rest and hand back whatever is still held, stop the
 * housekeeping, delete the heartbeat. Without handlers it only does the housekeeping (the orchestrator's
 * {@code serve} runs it so, so that due retries and dead workers' jobs move even while no worker of a queue is up).
 */
public final class WorkerRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);

    public static final Duration DEFAULT_HEARTBEAT_TTL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PROMOTE_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_REAP_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private enum State {
        NEW,
        RUNNING,
        STOPPED
    }

    private final String workerId;
    private final JobQueue queue;
    private final Heartbeats heartbeats;
    private final Map<String, Integer> concurrency;
    private final ConsumerThreads consumers;
    private final JobRunner runner;
    private final Housekeeping housekeeping;
    private final Duration shutdownGrace;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private State state = State.NEW;

    private WorkerRuntime(Builder builder) {
        this.workerId = WorkerId.generate(builder.processName);
        this.queue = new JobQueue(builder.redis, builder.clock);
        this.heartbeats = new Heartbeats(builder.redis);
        this.concurrency = Map.copyOf(builder.concurrency);
        this.shutdownGrace = builder.shutdownGrace;
        this.consumers = new ConsumerThreads(workerId);
        this.runner = new JobRunner(
                queue, handlersByType(builder.handlers), builder.clock, consumers::taking, consumers::abandoning);
        this.housekeeping = housekeeping(builder);
    }

    private static Map<String, HandlerRegistration<?>> handlersByType(List<HandlerRegistration<?>> registrations) {
        Map<String, HandlerRegistration<?>> handlers = new LinkedHashMap<>();
        registrations.forEach(registration -> handlers.put(registration.type().type(), registration));
        return handlers;
    }

    private Housekeeping housekeeping(Builder builder) {
        List<String> consumed = List.copyOf(builder.concurrency.keySet());
        Reaper reaper = new Reaper(queue, heartbeats, builder.mediaDir);
        OrphanSweep orphanSweep = new OrphanSweep(queue.processingLists(), workerId, consumed, consumers.inFlight());
        return new Housekeeping(
                queue,
                heartbeats,
                reaper,
                orphanSweep,
                workerInfo(consumed, builder.clock),
                promotedQueues(consumed),
                builder.clock,
                builder.heartbeatTtl,
                builder.promoteInterval,
                builder.reapInterval);
    }

    private WorkerInfo workerInfo(List<String> consumed, Clock clock) {
        return new WorkerInfo(
                workerId, consumed, WorkerId.hostName(), ProcessHandle.current().pid(), clock.instant());
    }

    /** Every queue's due jobs, not only the consumed ones', so that retries move whichever workers are up. */
    private static List<String> promotedQueues(List<String> consumed) {
        Set<String> promoted = new LinkedHashSet<>(Queues.ALL);
        promoted.addAll(consumed);
        return List.copyOf(promoted);
    }

    public static Builder builder(RedissonClient redis, String processName) {
        return new Builder(redis, processName);
    }

    public String workerId() {
        return workerId;
    }

    /** Writes the heartbeat, starts the housekeeping and the consumers; returns at once. */
    public void start() {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("worker " + workerId + " was already started");
            }
            housekeeping.start();
            consumers.start(queue, runner, concurrency);
            state = State.RUNNING;
            log.info("worker {} started, consuming {}", workerId, concurrency);
        }
    }

    /**
     * Starts the worker, then blocks until it has stopped; a JVM shutdown hook (SIGTERM, Ctrl-C) runs
     * {@link #shutdown()}, which the JVM waits for before exiting.
     */
    public void runUntilShutdown() {
        start();
        Thread hook = new Thread(this::shutdown, "worker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // The hook is running or ran: nothing to remove.
        }
    }

    /** Stops the worker (see the class comment); later and concurrent calls wait for the first to finish. */
    public void shutdown() {
        synchronized (lifecycle) {
            if (state == State.RUNNING) {
                stopGracefully();
            }
            state = State.STOPPED;
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        shutdown();
    }

    private void stopGracefully() {
        log.info("worker {} stopping: no new jobs, waiting up to {} for the jobs in flight", workerId, shutdownGrace);
        consumers.stop(shutdownGrace);
        handBackAll();
        housekeeping.stop();
        removeHeartbeat();
        log.info("worker {} stopped", workerId);
    }

    private void removeHeartbeat() {
        try {
            heartbeats.remove(workerId);
        } catch (RuntimeException e) {
            log.warn("worker {}: cannot delete the heartbeat, it expires by itself: {}", workerId, e.toString());
        }
    }

    private void handBackAll() {
        for (String queueName : concurrency.keySet()) {
            try {
                HandedBackJobs.log(queueName, queue.processingLists().handBack(queueName, workerId));
            } catch (RuntimeException e) {
                log.error(
                        "worker {}: cannot hand back the jobs of {}; the reaper will once the heartbeat is gone: {}",
                        workerId,
                        queueName,
                        e.toString());
            }
        }
    }

    /** Configures a {@link WorkerRuntime}; the defaults suit production, tests shorten the intervals. */
    public static final class Builder {

        private final RedissonClient redis;
        private final String processName;
        private final List<HandlerRegistration<?>> handlers = new ArrayList<>();
        private final Map<String, Integer> concurrency = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private Duration heartbeatTtl = DEFAULT_HEARTBEAT_TTL;
        private Duration promoteInterval = DEFAULT_PROMOTE_INTERVAL;
        private Duration reapInterval = DEFAULT_REAP_INTERVAL;
        private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
        private Optional<Path> mediaDir = Optional.empty();

        private Builder(RedissonClient redis, String processName) {
            this.redis = Objects.requireNonNull(redis, "redis");
            if (processName == null || processName.isBlank()) {
                throw new IllegalArgumentException("process name must not be blank");
            }
            this.processName = processName;
        }

        /** Runs jobs of {@code type} with {@code handler}; its queue is consumed with concurrency 1 unless set. */
        public <P extends Record> Builder handle(JobType<P> type, JobHandler<P> handler, RetryPolicy retryPolicy) {
            if (handlers.stream().anyMatch(existing -> existing.type().type().equals(type.type()))) {
                throw new IllegalArgumentException("job type '" + type.type() + "' already has a handler");
            }
            handlers.add(new HandlerRegistration<>(type, handler, retryPolicy));
            concurrency.putIfAbsent(type.queue(), 1);
            return this;
        }

        /** How many jobs of {@code queue} run at once (one virtual thread each). */
        public Builder concurrency(String queue, int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException(
                        "concurrency of queue " + queue + " must be at least 1, got " + threads);
            }
            concurrency.put(Queues.requireValidName(queue), threads);
            return this;
        }

        /** The queues that have a handler so far (each consumed with its concurrency). */
        public List<String> consumedQueues() {
            return List.copyOf(concurrency.keySet());
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long the heartbeat outlives a silent worker; it is refreshed every third of this. */
        public Builder heartbeatTtl(Duration ttl) {
            this.heartbeatTtl = atLeast("heartbeat TTL", ttl, Duration.ofSeconds(1));
            return this;
        }

        public Builder promoteInterval(Duration interval) {
            this.promoteInterval = atLeast("promote interval", interval, Duration.ofMillis(1));
            return this;
        }

        public Builder reapInterval(Duration interval) {
            this.reapInterval = atLeast("reap interval", interval, Duration.ofMillis(1));
            return this;
        }

        /** How long shutdown waits for the jobs in flight before interrupting them and handing them back. */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = atLeast("shutdown grace", grace, Duration.ZERO);
            return this;
        }

        /** Lets this worker's reaper delete {@code MEDIA_DIR/tmp/<worker-id>/} of crashed workers. */
        public Builder mediaDir(Path mediaDir) {
            this.mediaDir = Optional.of(mediaDir);
            return this;
        }

        public WorkerRuntime build() {
            for (String queue : concurrency.keySet()) {
                if (handlers.stream().noneMatch(h -> h.type().queue().equals(queue))) {
                    throw new IllegalStateException("queue " + queue + " has a concurrency but no job handler");
                }
            }
            return new WorkerRuntime(this);
        }

        private static Duration atLeast(String what, Duration value, Duration minimum) {
            if (value == null || value.compareTo(minimum) < 0) {
                throw new IllegalArgumentException(what + " must be at least " + minimum + ", got " + value);
            }
            return value;
        }
    }
}
