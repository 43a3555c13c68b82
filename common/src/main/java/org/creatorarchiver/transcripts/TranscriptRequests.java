package org.creatorarchiver.transcripts;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.states.TranscriptStates;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Asks phase 4 for the transcripts of recordings that were just kept (phase 2: a download finished, a YouTube video
 * embedded). One row per content: a row already there is not asked again unless it was skipped or failed, so a
 * re-processed post or a second post with the same file never pays twice. Asks nothing while transcription is off.
 * Called after the caller's transaction committed, so phase 4 sees the kept recording; a crash in between is what
 * {@code reconcile}'s backfill is for.
 */
public final class TranscriptRequests {

    private final DSLContext dsl;
    private final JobQueue queue;
    private final Settings.Transcription settings;

    public TranscriptRequests(DSLContext dsl, JobQueue queue, Settings.Transcription settings) {
        this.dsl = dsl;
        this.queue = queue;
        this.settings = settings;
    }

    /**
     * Recordings kept with their bytes (a video downloaded, an audio file).
     *
     * @return the transcripts whose job was enqueued
     */
    public List<Long> requestDownloaded(Collection<TranscriptContent> contents) {
        return request(contents);
    }

    /** YouTube videos kept as embeds: their transcript can only come from captions, when those are wanted. */
    public List<Long> requestEmbedded(Collection<String> youtubeIds) {
        if (!settings.useCaptions()) {
            return List.of();
        }
        return request(youtubeIds.stream().map(TranscriptContent::ofYouTube).toList());
    }

    private List<Long> request(Collection<TranscriptContent> contents) {
        if (!settings.enabled() || contents.isEmpty()) {
            return List.of();
        }
        List<Long> asked = contents.stream()
                .distinct()
                .map(this::ask)
                .flatMap(Optional::stream)
                .toList();
        queue.enqueueAll(
                JobTypes.TRANSCRIBE,
                asked.stream().map(JobTypes.Transcribe::new).toList());
        return asked;
    }

    /** A new row, or one skipped or failed before, now {@code pending}; empty when phase 4 has it in hand or done. */
    private Optional<Long> ask(TranscriptContent content) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            if (!stillStored(tx, content)) {
                return Optional.<Long>empty();
            }
            Optional<Long> created = tx.insertInto(TRANSCRIPTS)
                    .set(contentColumn(content))
                    .set(TranscriptStates.assign(
                            TranscriptStates.Move.REQUEST, Optional.empty(), TranscriptStatus.pending))
                    .onConflictDoNothing()
                    .returning(TRANSCRIPTS.ID)
                    .fetchOptional(TRANSCRIPTS.ID);
            return created.isPresent() ? created : askAgain(tx, content);
        });
    }

    /**
     * A file released meanwhile (its post changed while it downloaded) has nothing to transcribe; the share lock keeps
     * the release from deleting it before the transcript row holds it.
     */
    private static boolean stillStored(DSLContext tx, TranscriptContent content) {
        return !(content instanceof TranscriptContent.StoredFile(long fileId))
                || tx.fetchExists(tx.selectOne()
                        .from(MEDIA_FILES)
                        .where(MEDIA_FILES.ID.eq(fileId))
                        .forShare());
    }

    private static Optional<Long> askAgain(DSLContext tx, TranscriptContent content) {
        return tx.update(TRANSCRIPTS)
                .set(TranscriptStates.target(TranscriptStates.Move.REQUEST_AGAIN, TranscriptStatus.pending))
                .setNull(TRANSCRIPTS.LAST_ERROR)
                .where(of(content), TranscriptStates.leavable(TranscriptStates.Move.REQUEST_AGAIN))
                .returning(TRANSCRIPTS.ID)
                .fetchOptional(TRANSCRIPTS.ID);
    }

    /** The row of {@code content}. */
    public static Condition of(TranscriptContent content) {
        return switch (content) {
            case TranscriptContent.StoredFile file -> TRANSCRIPTS.MEDIA_FILE_ID.eq(file.mediaFileId());
            case TranscriptContent.YouTubeVideo video -> TRANSCRIPTS.YOUTUBE_ID.eq(video.youtubeId());
        };
    }

    private static Map<Field<?>, Object> contentColumn(TranscriptContent content) {
        return switch (content) {
            case TranscriptContent.StoredFile file -> Map.of(TRANSCRIPTS.MEDIA_FILE_ID, file.mediaFileId());
            case TranscriptContent.YouTubeVideo video -> Map.of(TRANSCRIPTS.YOUTUBE_ID, video.youtubeId());
        };
    }
}
