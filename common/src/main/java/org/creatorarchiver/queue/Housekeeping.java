package org.creatorarchiver.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic chores of a worker, each on its own named platform thread so a slow one cannot delay another:
 * the heartbeat (refreshed at a third of its TTL), the promoter of due delayed jobs, and the reaper (with the sweep
 * for this worker's own orphaned jobs).
 */
final class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final JobQueue queue;
    private final Heartbeats heartbeats;
    private final Reaper reaper;
    private final OrphanSweep orphanSweep;
    private final WorkerInfo worker;
    private final List<String> promotedQueues;
    private final Clock clock;
    private final Duration heartbeatTtl;
    private final Duration promoteInterval;
    private final Duration reapInterval;
    private final List<ScheduledExecutorService> schedulers = new ArrayList<>();

    Housekeeping(
            JobQueue queue,
            Heartbeats heartbeats,
            Reaper reaper,
            OrphanSweep orphanSweep,
            WorkerInfo worker,
            List<String> promotedQueues,
            Clock clock,
            Duration heartbeatTtl,
            Duration promoteInterval,
            Duration reapInterval) {
        this.queue = queue;
        this.heartbeats = heartbeats;
        this.reaper = reaper;
        this.orphanSweep = orphanSweep;
        this.worker = worker;
        this.promotedQueues = List.copyOf(promotedQueues);
        this.clock = clock;
        this.heartbeatTtl = heartbeatTtl;
        this.promoteInterval = promoteInterval;
        this.reapInterval = reapInterval;
    }

    /** Writes the first heartbeat before anything is taken (a job must never sit in a list with no live owner). */
    void start() {
        heartbeats.beat(worker, heartbeatTtl);
        schedule("queue-heartbeat", heartbeatTtl.dividedBy(3), () -> heartbeats.beat(worker, heartbeatTtl));
        schedule("queue-promoter", promoteInterval, this::promoteAll);
        schedule("queue-reaper", reapInterval, () -> {
            reaper.reap();
            orphanSweep.sweep();
        });
    }

    /** Lets a chore that is running finish (interrupting it would only log a spurious Redis error), then stops. */
    void stop() {
        schedulers.forEach(ScheduledExecutorService::shutdown);
        for (ScheduledExecutorService scheduler : schedulers) {
            try {
                if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                    log.warn(
                            "a housekeeping thread of worker {} did not stop within 5 s, interrupting it", worker.id());
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                schedulers.forEach(ScheduledExecutorService::shutdownNow);
                return;
            }
        }
    }

    private void promoteAll() {
        for (String name : promotedQueues) {
            queue.promoteDue(name, clock.instant());
        }
    }

    private void schedule(String role, Duration interval, Runnable chore) {
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor(runnable -> daemonThread(runnable, role));
        schedulers.add(scheduler);
        long millis = Math.max(1, interval.toMillis());
        scheduler.scheduleWithFixedDelay(
                () -> runLoggingFailures(role, millis, chore), millis, millis, TimeUnit.MILLISECONDS);
    }

    private static Thread daemonThread(Runnable runnable, String role) {
        Thread thread = new Thread(runnable, role);
        thread.setDaemon(true);
        return thread;
    }

    /** A chore that throws would silently never run again: log and go on instead. */
    private void runLoggingFailures(String role, long millis, Runnable chore) {
        try {
            chore.run();
        } catch (RuntimeException e) {
            log.warn("{} of worker {} failed, will try again in {} ms: {}", role, worker.id(), millis, e.toString());
        }
    }
}
