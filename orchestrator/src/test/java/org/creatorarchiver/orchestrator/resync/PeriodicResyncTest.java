package org.creatorarchiver.orchestrator.resync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.orchestrator.ArchiveRows;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeriodicResyncTest {

    private final DSLContext db = TestDatabase.migrated();
    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());
    private final ArchiveRows rows = new ArchiveRows(db);

    @BeforeEach
    void emptyArchive() {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
    }

    @Test
    void enqueuesAnIncrementalSyncOfEverySourceButNotFoundOnesOnce() {
        long active = rows.source("active");
        long failed = rows.source("failedone", SourceStatus.failed);
        rows.source("gone", SourceStatus.not_found);
        PeriodicResync resync = new PeriodicResync(db, queue, Duration.ofHours(6));

        assertThat(resync.runOnce()).containsExactly(active, failed);
        assertThat(resync.runOnce()).as("still waiting: not enqueued twice").isEmpty();
        assertThat(queue.counts(Queues.PHASE1).ready()).isEqualTo(2);
        assertThat(queue.counts(Queues.PHASE3).ready())
                .as("collections re-synced too")
                .isEqualTo(2);
    }

    @Test
    void runsEveryIntervalOnceStarted() {
        long source = rows.source("active");
        try (PeriodicResync resync = new PeriodicResync(db, queue, Duration.ofMillis(200))) {
            resync.start();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> queue.counts(Queues.PHASE1).ready() == 1);
            TestServices.flushRedis();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> queue.counts(Queues.PHASE1).ready() == 1);
        }
        assertThat(TestServices.redisson()
                        .<String>getList("archiver:queue:phase1", org.redisson.client.codec.StringCodec.INSTANCE)
                        .readAll())
                .singleElement()
                .asString()
                .contains("\"type\":\"sync_creator\"")
                .contains("\"source_id\":" + source)
                .contains("\"full\":false");
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> new PeriodicResync(db, queue, Duration.ZERO))
                .hasMessageContaining("scraping.resync_interval");
    }
}
