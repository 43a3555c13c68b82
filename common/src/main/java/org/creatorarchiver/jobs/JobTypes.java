package org.creatorarchiver.jobs;

import org.creatorarchiver.queue.JobType;
import org.creatorarchiver.queue.Queues;

/**
 * Every kind of job the archiver runs, with the queue that carries it and its payload. Payloads carry database ids,
 * never data: the handler reads the current row, so a job enqueued twice or retried late still does the right thing.
 * Living in {@code common}, they let the orchestrator and one worker enqueue jobs that another worker handles.
 */
public final class JobTypes {

    /** Phase 1: list a creator's posts; {@code full} walks every page instead of stopping at known posts. */
    public record SyncCreator(long sourceId, boolean full) {}

    /** Phase 2: a post's details and the decision for each of its media. */
    public record ProcessPost(long postId) {}

    /** Phase 2's downloads: one media item of a post into the content-addressed store. */
    public record DownloadMedia(long postMediaId) {}

    /** Phase 3: a creator's collections and their posts. */
    public record SyncCollections(long sourceId) {}

    /** Phase 4: the transcript of one content (a stored file or a YouTube id), captions first. */
    public record Transcribe(long transcriptId) {}

    /** Phase 4: the summary of a completed transcript, in the settings' model, language and prompt version. */
    public record Summarize(long transcriptId) {}

    public static final JobType<SyncCreator> SYNC_CREATOR =
            new JobType<>(Queues.PHASE1, "sync_creator", SyncCreator.class);
    public static final JobType<ProcessPost> PROCESS_POST =
            new JobType<>(Queues.PHASE2, "process_post", ProcessPost.class);
    public static final JobType<DownloadMedia> DOWNLOAD_MEDIA =
            new JobType<>(Queues.MEDIA, "download_media", DownloadMedia.class);
    public static final JobType<SyncCollections> SYNC_COLLECTIONS =
            new JobType<>(Queues.PHASE3, "sync_collections", SyncCollections.class);

    public static final JobType<Transcribe> TRANSCRIBE =
            new JobType<>(Queues.TRANSCRIBE, "transcribe", Transcribe.class);
    public static final JobType<Summarize> SUMMARIZE = new JobType<>(Queues.SUMMARIZE, "summarize", Summarize.class);

    private JobTypes() {}
}
