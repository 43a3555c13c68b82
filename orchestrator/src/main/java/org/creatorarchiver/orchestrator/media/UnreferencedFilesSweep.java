package org.creatorarchiver.orchestrator.media;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.creatorarchiver.media.MediaStore;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes stored files nothing points at any more that the job which dropped their last reference did not delete
 * (it crashed between its commit and the release, or lost a race with a post processed again). A grace period leaves
 * alone files a download is linking right now.
 */
public final class UnreferencedFilesSweep implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(UnreferencedFilesSweep.class);

    private final DSLContext dsl;
    private final MediaStore store;
    private final Duration grace;
    private ScheduledExecutorService scheduler;

    public UnreferencedFilesSweep(DSLContext dsl, MediaStore store, Duration grace) {
        this.dsl = dsl;
        this.store = store;
        this.grace = grace;
    }

    public synchronized void start(Duration interval) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("media-sweep").daemon().factory());
        scheduler.scheduleAtFixedRate(this::runSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return how many files were deleted */
    public int runOnce() {
        List<Long> unreferenced = dsl.select(MEDIA_FILES.ID)
                .from(MEDIA_FILES)
                .where(
                        MEDIA_FILES.REFERENCE_COUNT.eq(0),
                        DSL.condition(
                                "{0} < now() - make_interval(secs => {1})",
                                MEDIA_FILES.CREATED_AT, DSL.val((double) grace.toSeconds())))
                .fetch(MEDIA_FILES.ID);
        int deleted = unreferenced.isEmpty() ? 0 : store.release(unreferenced);
        if (deleted > 0) {
            log.info("deleted {} stored file(s) nothing pointed at any more", deleted);
        }
        return deleted;
    }

    // A failed round (database away) must not cancel the schedule.
    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("the sweep of unreferenced media files failed, trying again later: {}", e.toString());
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
