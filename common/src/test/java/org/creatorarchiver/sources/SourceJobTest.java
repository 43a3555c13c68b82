package org.creatorarchiver.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.util.ArrayList;
import java.util.List;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.patreon.creator.CampaignResolver;
import org.creatorarchiver.testing.SettableClock;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The skeleton of a source's job on the real schema, with sources already resolved (resolution and HTTP failures go
 * through Patreon: phase 1's and phase 3's tests cover them).
 */
class SourceJobTest {

    private DSLContext db;
    private SourceStore store;
    private final List<String> steps = new ArrayList<>();
    private SourceJob job;

    @BeforeEach
    void cleanDatabase() {
        db = TestDatabase.migrated();
        TestDatabase.truncateAll();
        store = new SourceStore(db, SettableClock.at("2026-07-01T10:00:00Z"));
        // No source here needs Patreon: each has its campaign id and name.
        SourceResolution resolution = new SourceResolution(store, new CampaignResolver(null));
        job = new SourceJob(store, resolution, id -> steps.add("finish " + id), "nothing to do");
    }

    @Test
    void theWorkRunsOnTheSourceThenItIsFinishedMarkedActiveAndReported() throws Exception {
        long id = insertResolved(SourceStatus.failed, "HTTP 503");

        job.run(id, source -> {
            steps.add("work on " + source.campaignId().orElseThrow());
            return () -> steps.add("report, status " + row(id).getStatus());
        });

        assertThat(steps).containsExactly("work on 4815162", "finish " + id, "report, status active");
        assertThat(row(id).getLastError()).isNull();
    }

    @Test
    void aSourceThatNoLongerExistsIsLeftAlone() throws Exception {
        job.run(424242, source -> {
            steps.add("work");
            return () -> {};
        });

        assertThat(steps).isEmpty();
    }

    @Test
    void failedWorkLeavesTheSourceAsItWasForTheQueue() {
        long id = insertResolved(SourceStatus.pending, null);

        assertThatThrownBy(() -> job.run(id, source -> {
                    throw new IllegalStateException("a bug");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(steps).isEmpty();
        assertThat(row(id).getStatus()).isEqualTo(SourceStatus.pending);
    }

    @Test
    void givingUpMarksTheSourceFailedWithTheReason() {
        long id = insertResolved(SourceStatus.active, null);

        job.gaveUp(id, "gave up after 5 attempts: HTTP 503");

        assertThat(row(id).getStatus()).isEqualTo(SourceStatus.failed);
        assertThat(row(id).getLastError()).isEqualTo("gave up after 5 attempts: HTTP 503");
    }

    private long insertResolved(SourceStatus status, String lastError) {
        return db.insertInto(SOURCES)
                .set(SOURCES.EXTERNAL_ID, "4815162")
                .set(SOURCES.VANITY, "skyforge")
                .set(SOURCES.NAME, "skyforge studio")
                .set(SOURCES.STATUS, status)
                .set(SOURCES.LAST_ERROR, lastError)
                .returning(SOURCES.ID)
                .fetchSingle()
                .getId();
    }

    private SourcesRecord row(long id) {
        return db.selectFrom(SOURCES).where(SOURCES.ID.eq(id)).fetchSingle();
    }
}
