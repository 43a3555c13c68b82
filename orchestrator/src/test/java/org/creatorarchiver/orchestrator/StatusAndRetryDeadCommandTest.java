package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator verbs run as a user runs them (the real command line, configured from the environment that
 * bin/test sets), against the real PostgreSQL and Redis.
 */
class StatusAndRetryDeadCommandTest {

    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());

    @BeforeEach
    void emptyArchive() {
        TestDatabase.migrated();
        TestDatabase.truncateAll();
        TestServices.flushRedis();
    }

    @Test
    void statusJsonReportsQueuesAndRowsByStatusInTheDocumentedShape() throws Exception {
        queue.enqueue(JobTypes.SYNC_CREATOR, new JobTypes.SyncCreator(1, false));
        queue.enqueue(JobTypes.SYNC_CREATOR, new JobTypes.SyncCreator(2, true));
        queue.enqueue(JobTypes.PROCESS_POST, new JobTypes.ProcessPost(7));
        TestDatabase.migrated()
                .insertInto(SOURCES, SOURCES.VANITY, SOURCES.URL)
                .values("somecreator", "https://www.patreon.com/somecreator")
                .execute();

        CommandRun run = CommandRun.of("status", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode status = new ObjectMapper().readTree(run.out());
        assertThat(status.fieldNames())
                .toIterable()
                .containsExactly("queues", "workers", "sources", "posts", "videos", "transcripts", "alerts");
        for (String q : Queues.ALL) {
            assertThat(status.path("queues").path(q).fieldNames())
                    .toIterable()
                    .containsExactly("ready", "delayed", "processing", "dead");
        }
        assertThat(status.at("/queues/phase1/ready").asLong()).isEqualTo(2);
        assertThat(status.at("/queues/phase2/ready").asLong()).isEqualTo(1);
        assertThat(status.at("/sources/pending").asLong()).isEqualTo(1);
        assertThat(status.at("/sources/active").asLong()).isZero();
        assertThat(status.path("posts").fieldNames())
                .toIterable()
                .containsExactly("discovered", "queued", "processing", "completed", "failed");
        assertThat(status.path("workers").isArray()).isTrue();
    }

    @Test
    void statusFlagsASourceMoreThanHalfOfWhoseVideosWereSkipped() throws Exception {
        ArchiveRows rows = new ArchiveRows(TestDatabase.migrated());
        long flagged = rows.source("mostlyskipped");
        rows.skippedVideo(flagged, "a", 3600.7, "2026-11-20T10:00:00Z");
        rows.skippedVideo(flagged, "b", 3600.7, "2026-11-20T11:00:00Z");
        rows.video(flagged, "c", "completed");
        long halfSkipped = rows.source("halfskipped");
        rows.skippedVideo(halfSkipped, "d", 3600.7, "2026-11-20T10:00:00Z");
        rows.video(halfSkipped, "e", "completed");

        JsonNode alerts = new ObjectMapper()
                .readTree(CommandRun.of("status", "--json").out())
                .path("alerts");
        CommandRun text = CommandRun.of("status");

        assertThat(alerts).hasSize(1);
        assertThat(alerts.at("/0/source_id").asLong()).isEqualTo(flagged);
        assertThat(alerts.at("/0/skipped").asLong()).isEqualTo(2);
        assertThat(alerts.at("/0/videos").asLong()).isEqualTo(3);
        assertThat(alerts.at("/0/message").asText()).contains("mostlyskipped", "2 of 3 videos skipped");
        assertThat(text.out())
                .contains("ALERT: source " + flagged + " (mostlyskipped): 2 of 3 videos skipped")
                .doesNotContain("halfskipped");
    }

    @Test
    void statusPrintsOnlyItsResultOnStdout() {
        CommandRun run = CommandRun.of("status");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("queue").contains("phase1", "workers alive: 0", "sources: none");
        assertThat(run.out()).doesNotContain("INFO", "effective configuration");
    }

    @Test
    void retryDeadMovesDeadJobsBackToReady() {
        queue.enqueue(JobTypes.SYNC_COLLECTIONS, new JobTypes.SyncCollections(3));
        var taken =
                queue.take(Queues.PHASE3, "test-worker", Duration.ofSeconds(1)).orElseThrow();
        queue.deadLetter(taken, "boom");
        assertThat(queue.counts(Queues.PHASE3).dead()).isEqualTo(1);

        CommandRun run = CommandRun.of("retry-dead", "phase3");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("phase3: 1 job(s) moved back to ready" + System.lineSeparator());
        assertThat(queue.counts(Queues.PHASE3).dead()).isZero();
        assertThat(queue.counts(Queues.PHASE3).ready()).isEqualTo(1);
    }

    @Test
    void retryDeadTakesTheQueueAsAnOptionToo() {
        queue.enqueue(JobTypes.SYNC_COLLECTIONS, new JobTypes.SyncCollections(4));
        queue.deadLetter(
                queue.take(Queues.PHASE3, "test-worker", Duration.ofSeconds(1)).orElseThrow(), "boom");
        queue.enqueue(JobTypes.SYNC_CREATOR, new JobTypes.SyncCreator(4, false));
        queue.deadLetter(
                queue.take(Queues.PHASE1, "test-worker", Duration.ofSeconds(1)).orElseThrow(), "boom");

        CommandRun run = CommandRun.of("retry-dead", "--queue", "phase3");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("phase3: 1 job(s) moved back to ready" + System.lineSeparator());
        assertThat(queue.counts(Queues.PHASE1).dead())
                .as("other queues untouched")
                .isEqualTo(1);
        assertThat(CommandRun.of("retry-dead", "--queue", "phase9").exitCode()).isEqualTo(2);
    }

    @Test
    void retryDeadRefusesAnUnknownQueueByName() {
        CommandRun run = CommandRun.of("retry-dead", "phase9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown queue 'phase9': expected one of phase1, phase2, media, phase3");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingCommandIsAUsageError() {
        CommandRun run = CommandRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing command");
        assertThat(List.of(run.out())).containsExactly("");
    }
}
