package org.creatorarchiver.orchestrator.resync;

import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.queue.JobQueue;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code scraping.resync_interval}, asks phase 1 for an incremental re-sync of every source Patreon has
 * (all but {@code not_found}). A source whose sync job still waits in the queue is not enqueued twice, so a slow
 * phase 1 never piles up jobs. The first round runs one interval after start.
 */
public final class PeriodicResync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeriodicResync.class);

    private final DSLContext dsl;
    private final JobQueue queue;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public PeriodicResync(DSLContext dsl, JobQueue queue, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("scraping.resync_interval must be positive, got " + interval);
        }
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.interval = interval;
    }

    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("resync").daemon().factory());
        long millis = interval.toMillis();
        scheduler.scheduleAtFixedRate(this::runSafely, millis, millis, TimeUnit.MILLISECONDS);
        log.info("re-syncing every source every {}", interval);
    }

    /**
     * Enqueues one incremental sync of the posts (phase 1) and one of the collections (phase 3) per source, each
     * unless one is waiting already; returns the source ids whose post sync it enqueued.
     */
    public List<Long> runOnce() {
        List<Long> sourceIds = dsl.select(SOURCES.ID)
                .from(SOURCES)
                .where(SOURCES.STATUS.ne(SourceStatus.not_found))
                .orderBy(SOURCES.ID)
                .fetch(SOURCES.ID);
        List<Long> enqueued = enqueuedPostSyncs(sourceIds);
        long collections = enqueuedCollectionSyncs(sourceIds);
        log.info(
                "periodic re-sync: enqueued {} of {} sources {} ({} collection syncs)",
                enqueued.size(),
                sourceIds.size(),
                enqueued,
                collections);
        return enqueued;
    }

    private List<Long> enqueuedPostSyncs(List<Long> sourceIds) {
        return sourceIds.stream()
                .filter(id -> queue.enqueueUnlessWaiting(JobTypes.SYNC_CREATOR, new JobTypes.SyncCreator(id, false))
                        .isPresent())
                .toList();
    }

    private long enqueuedCollectionSyncs(List<Long> sourceIds) {
        return sourceIds.stream()
                .filter(id -> queue.enqueueUnlessWaiting(JobTypes.SYNC_COLLECTIONS, new JobTypes.SyncCollections(id))
                        .isPresent())
                .count();
    }

    // A failed round (database or Redis away) must not cancel the schedule: the next one tries again.
    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("periodic re-sync failed, trying again in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
