package org.creatorarchiver.phase4;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.creatorarchiver.db.generated.enums.TranscriptSource;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.TranscriptsRecord;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.jobs.JobTypes.Transcribe;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.media.TempDirs;
import org.creatorarchiver.phase4.captions.CaptionTranscript;
import org.creatorarchiver.phase4.captions.CaptionTranscripts;
import org.creatorarchiver.phase4.recordings.KeptRecordings;
import org.creatorarchiver.phase4.recordings.Recording;
import org.creatorarchiver.phase4.store.TranscriptRows;
import org.creatorarchiver.phase4.text.TimedText;
import org.creatorarchiver.phase4.whisper.NotTranscribed;
import org.creatorarchiver.phase4.whisper.WhisperTranscription;
import org.creatorarchiver.queue.JobContext;
import org.creatorarchiver.queue.JobHandler;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.transcripts.TranscriptContent;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 4's transcript job for one content (a stored file or a YouTube id). It reads which items keep the content
 * today and checks the duration policy before anything else; then captions first (no paid call), else the stored
 * file's audio through the transcription API. A finished transcript asks for its summary.
 */
public final class TranscribeHandler implements JobHandler<Transcribe> {

    private static final Logger log = LoggerFactory.getLogger(TranscribeHandler.class);

    private final DSLContext dsl;
    private final KeptRecordings recordings;
    private final CaptionTranscripts captions;
    private final WhisperTranscription whisper;
    private final MediaStore store;
    private final JobQueue queue;
    private final boolean summaries;

    public TranscribeHandler(
            DSLContext dsl,
            KeptRecordings recordings,
            CaptionTranscripts captions,
            WhisperTranscription whisper,
            MediaStore store,
            JobQueue queue,
            boolean summaries) {
        this.dsl = dsl;
        this.recordings = recordings;
        this.captions = captions;
        this.whisper = whisper;
        this.store = store;
        this.queue = queue;
        this.summaries = summaries;
    }

    @Override
    public void handle(Transcribe job, JobContext context) throws Exception {
        Optional<TranscriptsRecord> row = TranscriptRows.takeUp(dsl, job.transcriptId());
        if (row.isEmpty()) {
            log.info("transcript {} is no longer waiting: nothing to do", job.transcriptId());
            return;
        }
        TranscriptContent content = TranscriptRows.contentOf(row.get());
        List<Recording> kept = recordings.of(content);
        Optional<String> refusal = refusal(kept);
        if (refusal.isPresent()) {
            skip(job.transcriptId(), content, refusal.get());
            return;
        }
        inWorkDir(context, workDir -> transcribe(job.transcriptId(), content, kept, workDir));
    }

    private interface Work {
        void run(Path workDir) throws Exception;
    }

    /** Runs {@code work} in the job's own temporary directory, deleted afterwards whatever happened. */
    private void inWorkDir(JobContext context, Work work) throws Exception {
        Path workDir = Files.createDirectories(store.tempDir(context.workerId()).resolve("job-" + context.jobId()));
        try {
            work.run(workDir);
        } finally {
            TempDirs.delete(workDir);
        }
    }

    /** Why nothing may be sent, from what the archive knows before any work: no kept item, or all too long. */
    static Optional<String> refusal(List<Recording> kept) {
        if (kept.isEmpty()) {
            return Optional.of(
                    "no kept recording shows it any more (skipped, locked, view on Patreon, failed or gone)");
        }
        if (kept.stream().allMatch(Recording::knownTooLong)) {
            Recording first = kept.getFirst();
            return Optional.of(
                    "over its duration limit (" + first.durationSeconds().getAsInt() + " s > " + first.limitSeconds()
                            + " s) and not marked process-anyway: nothing is sent");
        }
        return Optional.empty();
    }

    private void transcribe(long transcriptId, TranscriptContent content, List<Recording> kept, Path workDir)
            throws Exception {
        try {
            if (!fromCaptions(transcriptId, content, kept, workDir)) {
                fromAudio(transcriptId, content, kept, workDir);
            }
        } catch (NotTranscribed notSent) {
            skip(transcriptId, content, notSent.getMessage());
        }
    }

    /** @return whether captions made the transcript (no paid call) */
    private boolean fromCaptions(long transcriptId, TranscriptContent content, List<Recording> kept, Path workDir)
            throws Exception {
        Optional<String> youTubeId =
                content instanceof TranscriptContent.YouTubeVideo(String id) ? Optional.of(id) : Optional.empty();
        Optional<CaptionTranscript> captioned = captions.of(youTubeId, videoIds(kept), workDir);
        captioned.ifPresent(found -> complete(
                transcriptId,
                found.text(),
                new TranscriptRows.Made(TranscriptSource.captions, Optional.empty(), BigDecimal.ZERO)));
        return captioned.isPresent();
    }

    private void fromAudio(long transcriptId, TranscriptContent content, List<Recording> kept, Path workDir)
            throws Exception {
        Path file = storedFile(content, kept)
                .orElseThrow(() -> new NotTranscribed(
                        "no captions, and the video is embedded (no file to send): nothing to transcribe"));
        WhisperTranscription.Whispered whispered = whisper.transcribe(transcriptId, file, kept, workDir);
        complete(
                transcriptId,
                whispered.text(),
                new TranscriptRows.Made(TranscriptSource.whisper, Optional.of(whisper.model()), whispered.costUsd()));
    }

    private void complete(long transcriptId, TimedText text, TranscriptRows.Made made) {
        boolean moved = dsl.transactionResult(
                configuration -> TranscriptRows.complete(configuration.dsl(), transcriptId, text, made));
        log.info(
                "transcript {} completed from {}: {} segment(s), ${}",
                transcriptId,
                made.source().getLiteral(),
                text.segments().size(),
                made.costUsd().toPlainString());
        if (moved && summaries) {
            queue.enqueue(JobTypes.SUMMARIZE, new JobTypes.Summarize(transcriptId));
        }
    }

    private void skip(long transcriptId, TranscriptContent content, String reason) {
        TranscriptRows.skip(dsl, transcriptId, reason);
        log.info("transcript {} ({}) skipped: {}", transcriptId, content, reason);
    }

    private static List<Long> videoIds(List<Recording> kept) {
        return kept.stream().flatMap(recording -> recording.videoId().stream()).toList();
    }

    /** The stored file's path: the content itself, or the file of a downloaded YouTube video. */
    private Optional<Path> storedFile(TranscriptContent content, List<Recording> kept) {
        Optional<Long> fileId = switch (content) {
            case TranscriptContent.StoredFile(long id) -> Optional.of(id);
            case TranscriptContent.YouTubeVideo video -> downloadedFileOf(videoIds(kept));
        };
        return fileId.flatMap(id -> dsl.select(MEDIA_FILES.FILE_PATH)
                        .from(MEDIA_FILES)
                        .where(MEDIA_FILES.ID.eq(id))
                        .fetchOptional(MEDIA_FILES.FILE_PATH))
                .map(store::pathOf);
    }

    private Optional<Long> downloadedFileOf(List<Long> videoIds) {
        return dsl.select(VIDEOS.MEDIA_FILE_ID)
                .from(VIDEOS)
                .where(
                        VIDEOS.ID.in(videoIds),
                        VIDEOS.STATUS.eq(VideoStatus.completed),
                        VIDEOS.MEDIA_FILE_ID.isNotNull())
                .limit(1)
                .fetchOptional(VIDEOS.MEDIA_FILE_ID);
    }

    @Override
    public void onGaveUp(Transcribe job, JobContext context, String reason) {
        TranscriptRows.fail(dsl, job.transcriptId(), reason);
    }
}
