package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.orchestrator.status.StatusText;
import org.creatorarchiver.orchestrator.status.SystemStatusReader;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.QueueInspector;
import org.creatorarchiver.redis.BlockingRedis;
import org.creatorarchiver.testing.SettableClock;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Phase 4 in {@code status}, {@code /api/v1/queues} and {@code /metrics}: the transcribe and summarize queues, the
 * transcripts by status, and today's spending against the daily budget.
 */
class PhaseFourStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());
    private TranscriptRows rows;

    @BeforeEach
    void transcriptsAndPhaseFourJobs() {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        rows = new TranscriptRows(TestDatabase.migrated());
        rows.youtubeTranscript("aaaaaaaaaaa", TranscriptStatus.completed, "Hello.");
        rows.youtubeTranscript("bbbbbbbbbbb", TranscriptStatus.pending, null);
        rows.youtubeTranscript("ccccccccccc", TranscriptStatus.pending, null);
        queue.enqueue(JobTypes.TRANSCRIBE, new JobTypes.Transcribe(2));
        queue.enqueue(JobTypes.TRANSCRIBE, new JobTypes.Transcribe(3));
        queue.enqueue(JobTypes.SUMMARIZE, new JobTypes.Summarize(1));
    }

    @Test
    void statusJsonCountsTranscriptsByEveryStatusAndThePhaseFourQueues() throws Exception {
        CommandRun run = CommandRun.of("status", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode status = JSON.readTree(run.out());
        assertThat(status.path("transcripts"))
                .isEqualTo(JSON.readTree(
                        "{\"pending\": 2, \"processing\": 0, \"completed\": 1, \"skipped\": 0, \"failed\": 0}"));
        assertThat(status.at("/queues/transcribe/ready").asLong()).isEqualTo(2);
        assertThat(status.at("/queues/summarize/ready").asLong()).isEqualTo(1);
    }

    @Test
    void statusTextShowsTranscriptsAndNoSpendingWithoutABudget() {
        CommandRun run = CommandRun.of("status");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .contains(
                        "transcribe        2        0          0        0",
                        "summarize         1        0          0        0",
                        "transcripts: pending 2, completed 1")
                .noneMatch(line -> line.startsWith("spent today"));
    }

    @Test
    void statusTextShowsTodaysSpendingAgainstTheBudgetAndWhenItIsReached() {
        SettableClock clock = SettableClock.at("2026-12-03T20:00:00Z");
        CostsCliAndApiTest.callsYesterdayAndToday(rows, clock);
        QueueInspector queues = new QueueInspector(BlockingRedis.of(TestServices.redisson()));

        String reached = StatusText.render(new SystemStatusReader(
                        queues,
                        rows.dsl(),
                        CostsCliAndApiTest.withDailyBudget(0.5).budget(),
                        clock)
                .read());
        String notYet = StatusText.render(new SystemStatusReader(
                        queues,
                        rows.dsl(),
                        CostsCliAndApiTest.withDailyBudget(2).budget(),
                        clock)
                .read());

        assertThat(reached.lines()).contains("spent today: $0.6216 of $0.5000 daily budget (budget reached)");
        assertThat(notYet.lines()).contains("spent today: $0.6216 of $2.0000 daily budget");
    }

    @Test
    void queuesRouteAndMetricsShowThePhaseFourQueues() throws Exception {
        try (TestApi api = TestApi.start()) {
            JsonNode queues = api.json("/api/v1/queues");
            String metrics = api.get("/metrics").body();

            assertThat(queues.at("/queues/transcribe/ready").asLong()).isEqualTo(2);
            assertThat(queues.at("/queues/summarize").fieldNames())
                    .toIterable()
                    .containsExactly("ready", "delayed", "processing", "dead");
            assertThat(metrics.lines())
                    .contains(
                            "archiver_queue_jobs{queue=\"transcribe\",state=\"ready\"} 2.0",
                            "archiver_queue_jobs{queue=\"summarize\",state=\"ready\"} 1.0",
                            "archiver_jobs_total{outcome=\"succeeded\",queue=\"transcribe\"} 0.0");
        }
    }
}
