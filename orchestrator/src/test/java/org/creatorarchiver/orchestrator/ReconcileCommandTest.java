package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.queue.JobCodec;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconcileCommandTest {

    private final ArchiveRows rows = new ArchiveRows();
    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());

    private long newSource;
    private long discovered;
    private long queued;
    private long processing;
    private long queuedMedia;

    @BeforeEach
    void anArchiveHalfwayThroughAndAnEmptyRedis() {
        TestDatabase.migrated();
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        newSource = rows.source("newcomer");
        long synced = rows.source("synced");
        OffsetDateTime yesterday = OffsetDateTime.parse("2026-11-20T10:00:00Z");
        rows.dsl()
                .update(SOURCES)
                .set(SOURCES.STATUS, SourceStatus.active)
                .set(SOURCES.LAST_SYNCED_AT, yesterday)
                .set(SOURCES.COLLECTIONS_SYNCED_AT, yesterday)
                .where(SOURCES.ID.eq(synced))
                .execute();
        discovered = rows.post(synced, "p1", PostStatus.discovered);
        queued = rows.post(synced, "p2", PostStatus.queued);
        processing = rows.post(synced, "p3", PostStatus.processing);
        long completed = rows.post(synced, "p4", PostStatus.completed);
        rows.post(synced, "p5", PostStatus.failed);
        queuedMedia = rows.postMedia(completed, 0, "m1", PostMediaStatus.queued);
        rows.postMedia(completed, 1, "m2", PostMediaStatus.skipped);
    }

    @Test
    void reconcileRestoresExactlyTheUnfinishedWorkAndASecondRunAddsNone() {
        CommandRun first = CommandRun.of("reconcile");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out().lines())
                .containsExactly(
                        "sync_creator: 1 enqueued (1 unfinished, 0 already held)",
                        "sync_collections: 1 enqueued (1 unfinished, 0 already held)",
                        "process_post: 3 enqueued (3 unfinished, 0 already held)",
                        "download_media: 1 enqueued (1 unfinished, 0 already held)",
                        // Transcription and summaries are off by default: nothing of phase 4's to do.
                        "transcribe: 0 enqueued (0 unfinished, 0 already held)",
                        "summarize: 0 enqueued (0 unfinished, 0 already held)");
        assertThat(payloads(Queues.PHASE1)).containsExactly(new JobTypes.SyncCreator(newSource, false));
        assertThat(payloads(Queues.PHASE3)).containsExactly(new JobTypes.SyncCollections(newSource));
        assertThat(payloads(Queues.PHASE2))
                .containsExactlyInAnyOrder(
                        new JobTypes.ProcessPost(discovered),
                        new JobTypes.ProcessPost(queued),
                        new JobTypes.ProcessPost(processing));
        assertThat(payloads(Queues.MEDIA)).containsExactly(new JobTypes.DownloadMedia(queuedMedia));

        CommandRun second = CommandRun.of("reconcile");

        assertThat(second.exitCode()).isZero();
        assertThat(second.out().lines()).allSatisfy(line -> assertThat(line).contains(": 0 enqueued"));
        assertThat(payloads(Queues.PHASE2)).hasSize(3);
        assertThat(payloads(Queues.PHASE1)).hasSize(1);
    }

    @Test
    void aJobAWorkerIsRunningOrThatWaitsForARetryIsNotEnqueuedAgain() {
        queue.enqueue(JobTypes.PROCESS_POST, new JobTypes.ProcessPost(processing));
        queue.take(Queues.PHASE2, "busy-worker", Duration.ofSeconds(1)).orElseThrow();
        queue.enqueueAt(
                JobTypes.DOWNLOAD_MEDIA,
                new JobTypes.DownloadMedia(queuedMedia),
                Clock.systemUTC().instant().plusSeconds(600));
        queue.enqueue(JobTypes.SYNC_CREATOR, new JobTypes.SyncCreator(newSource, true));

        CommandRun run = CommandRun.of("reconcile");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(
                        "sync_creator: 0 enqueued (1 unfinished, 1 already held)",
                        "process_post: 2 enqueued (3 unfinished, 1 already held)",
                        "download_media: 0 enqueued (1 unfinished, 1 already held)");
        assertThat(queue.counts(Queues.PHASE2).ready()).isEqualTo(2);
        assertThat(queue.counts(Queues.PHASE2).processing()).isEqualTo(1);
    }

    private List<Record> payloads(String queueName) {
        return queue.heldJobs(queueName).stream()
                .map(job -> (Record)
                        switch (job.type()) {
                            case "sync_creator" -> JobCodec.payload(job, JobTypes.SyncCreator.class);
                            case "sync_collections" -> JobCodec.payload(job, JobTypes.SyncCollections.class);
                            case "process_post" -> JobCodec.payload(job, JobTypes.ProcessPost.class);
                            case "download_media" -> JobCodec.payload(job, JobTypes.DownloadMedia.class);
                            default -> throw new AssertionError("unexpected job type " + job.type());
                        })
                .toList();
    }
}
