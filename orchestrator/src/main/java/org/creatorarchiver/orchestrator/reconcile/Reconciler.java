package org.creatorarchiver.orchestrator.reconcile;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.SUMMARIES;
import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.queue.Job;
import org.creatorarchiver.queue.JobCodec;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.JobType;
import org.creatorarchiver.queue.MalformedJobException;
import org.creatorarchiver.transcripts.TranscriptBackfill;
import org.jooq.DSLContext;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Enqueues again, from the database, the work that is unfinished but held by no queue (after a Redis FLUSHDB, or a
 * job lost between a commit and its enqueue). Every job carries one row id, so "held" means a job of the same type
 * for the same id in the queue's ready, delayed, processing or dead keys (dead jobs are the operator's, through
 * {@code retry-dead}). Running it twice enqueues nothing the second time.
 */
public final class Reconciler {

    /** What one job type needed: how many rows are unfinished, and how many of those got a new job. */
    public record Enqueued(int unfinished, int enqueued) {}

    private final DSLContext dsl;
    private final JobQueue queue;
    private final Settings settings;

    /** Phase 4's work is reconciled by the settings: nothing is transcribed or summarized while they are off. */
    public Reconciler(DSLContext dsl, JobQueue queue, Settings settings) {
        this.dsl = dsl;
        this.queue = queue;
        this.settings = settings;
    }

    /** Reconciles every job type; the counts by job type name, in pipeline order. */
    public Map<String, Enqueued> run() {
        Map<String, Enqueued> counts = new LinkedHashMap<>();
        counts.put(JobTypes.SYNC_CREATOR.type(), reconcileSyncCreator());
        counts.put(JobTypes.SYNC_COLLECTIONS.type(), reconcileSyncCollections());
        counts.put(JobTypes.PROCESS_POST.type(), reconcileProcessPost());
        counts.put(JobTypes.DOWNLOAD_MEDIA.type(), reconcileDownloadMedia());
        counts.put(JobTypes.TRANSCRIBE.type(), reconcileTranscribe());
        counts.put(JobTypes.SUMMARIZE.type(), reconcileSummarize());
        return counts;
    }

    /** First the rows kept recordings should have (an archive made before transcription was on), then their jobs. */
    private Enqueued reconcileTranscribe() {
        TranscriptBackfill.run(dsl, settings.transcription());
        return reconcile(
                JobTypes.TRANSCRIBE,
                JobTypes.Transcribe::transcriptId,
                JobTypes.Transcribe::new,
                dsl.select(TRANSCRIPTS.ID)
                        .from(TRANSCRIPTS)
                        .where(TRANSCRIPTS.STATUS.in(TranscriptStatus.pending, TranscriptStatus.processing))
                        .and(DSL.condition(settings.transcription().enabled()))
                        .orderBy(TRANSCRIPTS.ID)
                        .fetch(TRANSCRIPTS.ID));
    }

    /**
     * Completed transcripts with something to say and no summary in the configured model and language (any prompt
     * version: a new prompt does not pay again for the whole archive by itself).
     */
    private Enqueued reconcileSummarize() {
        Settings.Summary summary = settings.summary();
        return reconcile(
                JobTypes.SUMMARIZE,
                JobTypes.Summarize::transcriptId,
                JobTypes.Summarize::new,
                dsl.select(TRANSCRIPTS.ID)
                        .from(TRANSCRIPTS)
                        .where(TRANSCRIPTS.STATUS.eq(TranscriptStatus.completed), DSL.notExists(summarized(summary)))
                        .and(TRANSCRIPTS.TEXT.ne(""))
                        .and(DSL.condition(summary.enabled()))
                        .orderBy(TRANSCRIPTS.ID)
                        .fetch(TRANSCRIPTS.ID));
    }

    private Enqueued reconcileSyncCreator() {
        return reconcile(
                JobTypes.SYNC_CREATOR,
                JobTypes.SyncCreator::sourceId,
                id -> new JobTypes.SyncCreator(id, false),
                dsl.select(SOURCES.ID)
                        .from(SOURCES)
                        .where(SOURCES.LAST_SYNCED_AT.isNull().or(SOURCES.STATUS.eq(SourceStatus.pending)))
                        .orderBy(SOURCES.ID)
                        .fetch(SOURCES.ID));
    }

    private Enqueued reconcileSyncCollections() {
        return reconcile(
                JobTypes.SYNC_COLLECTIONS,
                JobTypes.SyncCollections::sourceId,
                JobTypes.SyncCollections::new,
                dsl.select(SOURCES.ID)
                        .from(SOURCES)
                        .where(SOURCES.COLLECTIONS_SYNCED_AT.isNull())
                        .orderBy(SOURCES.ID)
                        .fetch(SOURCES.ID));
    }

    private Enqueued reconcileProcessPost() {
        return reconcile(
                JobTypes.PROCESS_POST,
                JobTypes.ProcessPost::postId,
                JobTypes.ProcessPost::new,
                dsl.select(POSTS.ID)
                        .from(POSTS)
                        .where(POSTS.STATUS.in(PostStatus.discovered, PostStatus.queued, PostStatus.processing))
                        .orderBy(POSTS.ID)
                        .fetch(POSTS.ID));
    }

    private Enqueued reconcileDownloadMedia() {
        return reconcile(
                JobTypes.DOWNLOAD_MEDIA,
                JobTypes.DownloadMedia::postMediaId,
                JobTypes.DownloadMedia::new,
                dsl.select(POST_MEDIA.ID)
                        .from(POST_MEDIA)
                        .where(POST_MEDIA.STATUS.eq(PostMediaStatus.queued))
                        .orderBy(POST_MEDIA.ID)
                        .fetch(POST_MEDIA.ID));
    }

    private static Select<?> summarized(Settings.Summary summary) {
        return DSL.selectOne()
                .from(SUMMARIES)
                .where(SUMMARIES.TRANSCRIPT_ID.eq(TRANSCRIPTS.ID))
                .and(SUMMARIES.MODEL.eq(summary.model()))
                .and(SUMMARIES.LANGUAGE.eq(summary.language()));
    }

    /**
     * Read after the rows: a job a worker finishes in between is then seen neither in the queue nor, if the row was
     * read before, as finished, and is enqueued once more; handlers read the current row, so that costs a no-op run.
     */
    private <P extends Record> Enqueued reconcile(
            JobType<P> type, ToLongFunction<P> idOf, LongFunction<P> jobFor, List<Long> unfinished) {
        Set<Long> held = held(type, idOf);
        List<P> missing = unfinished.stream()
                .filter(id -> !held.contains(id))
                .map(jobFor::apply)
                .toList();
        queue.enqueueAll(type, missing);
        return new Enqueued(unfinished.size(), missing.size());
    }

    private <P extends Record> Set<Long> held(JobType<P> type, ToLongFunction<P> idOf) {
        Set<Long> ids = new HashSet<>();
        for (Job job : queue.heldJobs(type.queue())) {
            if (job.type().equals(type.type())) {
                try {
                    ids.add(idOf.applyAsLong(JobCodec.payload(job, type.payloadClass())));
                } catch (MalformedJobException e) {
                    // Not a job of this type that any worker could run: it holds nothing.
                }
            }
        }
        return ids;
    }
}
