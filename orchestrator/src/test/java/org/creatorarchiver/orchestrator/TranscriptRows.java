package org.creatorarchiver.orchestrator;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.PAID_CALLS;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SUMMARIES;
import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import org.creatorarchiver.db.generated.enums.PaidCallKind;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.TranscriptSource;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** Phase 4's rows as its worker leaves them (posts, stored files, videos, transcripts, summaries, paid calls). */
public final class TranscriptRows {

    private final DSLContext db;
    private int serial;

    public TranscriptRows(DSLContext db) {
        this.db = db;
    }

    public DSLContext dsl() {
        return db;
    }

    /** A completed post of {@code sourceId} with a title and plain text; returns its id. */
    public long post(long sourceId, String title, String text) {
        return db.insertInto(POSTS)
                .set(POSTS.SOURCE_ID, sourceId)
                .set(POSTS.EXTERNAL_ID, "p" + (++serial))
                .set(POSTS.TITLE, title)
                .set(POSTS.CONTENT_TEXT, text)
                .set(POSTS.STATUS, PostStatus.completed)
                .returning(POSTS.ID)
                .fetchSingle(POSTS.ID);
    }

    /** A stored file (content-addressed path); returns its id. */
    public long mediaFile() {
        String hash = String.format("%064x", ++serial);
        return db.insertInto(MEDIA_FILES)
                .set(MEDIA_FILES.FILE_HASH, hash)
                .set(MEDIA_FILES.FILE_PATH, "sha256/" + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash)
                .set(MEDIA_FILES.FILE_SIZE, 1000L)
                .returning(MEDIA_FILES.ID)
                .fetchSingle(MEDIA_FILES.ID);
    }

    /** A downloaded Patreon video of {@code postId} stored as {@code mediaFileId}; returns its id. */
    public long downloadedVideo(long sourceId, long postId, String title, long mediaFileId) {
        return db.insertInto(VIDEOS)
                .set(VIDEOS.SOURCE_ID, sourceId)
                .set(VIDEOS.POST_ID, postId)
                .set(VIDEOS.PROVIDER, VideoProvider.patreon)
                .set(VIDEOS.EXTERNAL_ID, "m" + (++serial))
                .set(VIDEOS.TITLE, title)
                .set(VIDEOS.STATUS, VideoStatus.completed)
                .set(VIDEOS.MEDIA_FILE_ID, mediaFileId)
                .returning(VIDEOS.ID)
                .fetchSingle(VIDEOS.ID);
    }

    /** An embedded YouTube video of {@code postId}; returns its id. */
    public long youtubeVideo(long sourceId, long postId, String youtubeId) {
        return db.insertInto(VIDEOS)
                .set(VIDEOS.SOURCE_ID, sourceId)
                .set(VIDEOS.POST_ID, postId)
                .set(VIDEOS.PROVIDER, VideoProvider.youtube)
                .set(VIDEOS.EXTERNAL_ID, youtubeId)
                .set(VIDEOS.STATUS, VideoStatus.embedded)
                .returning(VIDEOS.ID)
                .fetchSingle(VIDEOS.ID);
    }

    /** A downloaded audio item of {@code postId} stored as {@code mediaFileId} (no videos row). */
    public void audioItem(long postId, long mediaFileId) {
        db.insertInto(POST_MEDIA)
                .set(POST_MEDIA.POST_ID, postId)
                .set(POST_MEDIA.POSITION, ++serial)
                .set(POST_MEDIA.KIND, PostMediaKind.audio)
                .set(POST_MEDIA.EXTERNAL_MEDIA_ID, "a" + serial)
                .set(POST_MEDIA.STATUS, PostMediaStatus.downloaded)
                .set(POST_MEDIA.MEDIA_FILE_ID, mediaFileId)
                .execute();
    }

    /** A completed whisper transcript of a stored file, in {@code language}; returns its id. */
    public long fileTranscript(long mediaFileId, String language, String text, String segmentsJson) {
        return db.insertInto(TRANSCRIPTS)
                .set(TRANSCRIPTS.MEDIA_FILE_ID, mediaFileId)
                .set(TRANSCRIPTS.SOURCE, TranscriptSource.whisper)
                .set(TRANSCRIPTS.LANGUAGE, language)
                .set(TRANSCRIPTS.TEXT, text)
                .set(TRANSCRIPTS.SEGMENTS, JSONB.valueOf(segmentsJson))
                .set(TRANSCRIPTS.MODEL, "whisper-1")
                .set(TRANSCRIPTS.STATUS, TranscriptStatus.completed)
                .returning(TRANSCRIPTS.ID)
                .fetchSingle(TRANSCRIPTS.ID);
    }

    /** A YouTube transcript from captions in {@code status}; returns its id. */
    public long youtubeTranscript(String youtubeId, TranscriptStatus status, String text) {
        return db.insertInto(TRANSCRIPTS)
                .set(TRANSCRIPTS.YOUTUBE_ID, youtubeId)
                .set(TRANSCRIPTS.SOURCE, status == TranscriptStatus.completed ? TranscriptSource.captions : null)
                .set(TRANSCRIPTS.LANGUAGE, status == TranscriptStatus.completed ? "en" : null)
                .set(TRANSCRIPTS.TEXT, text)
                .set(TRANSCRIPTS.STATUS, status)
                .returning(TRANSCRIPTS.ID)
                .fetchSingle(TRANSCRIPTS.ID);
    }

    /** A summary of {@code transcriptId} written at {@code createdAt}. */
    public long summary(long transcriptId, String model, String language, String text, String createdAt) {
        return db.insertInto(SUMMARIES)
                .set(SUMMARIES.TRANSCRIPT_ID, transcriptId)
                .set(SUMMARIES.MODEL, model)
                .set(SUMMARIES.LANGUAGE, language)
                .set(SUMMARIES.PROMPT_VERSION, 1)
                .set(SUMMARIES.TEXT, text)
                .set(SUMMARIES.CREATED_AT, Instant.parse(createdAt).atOffset(ZoneOffset.UTC))
                .returning(SUMMARIES.ID)
                .fetchSingle(SUMMARIES.ID);
    }

    /** An answered paid call; {@code cost} null leaves it a reservation that counts at {@code estimated}. */
    public void paidCall(
            PaidCallKind kind,
            Instant calledAt,
            double audioSeconds,
            int input,
            int output,
            String estimated,
            String cost) {
        db.insertInto(PAID_CALLS)
                .set(PAID_CALLS.KIND, kind)
                .set(PAID_CALLS.MODEL, kind == PaidCallKind.summary ? "deepseek-chat" : "whisper-1")
                .set(PAID_CALLS.HOST, kind == PaidCallKind.summary ? "api.deepseek.com" : "api.openai.com")
                .set(PAID_CALLS.AUDIO_SECONDS, audioSeconds)
                .set(PAID_CALLS.INPUT_TOKENS, input)
                .set(PAID_CALLS.OUTPUT_TOKENS, output)
                .set(PAID_CALLS.ESTIMATED_USD, new BigDecimal(estimated))
                .set(PAID_CALLS.COST_USD, cost == null ? null : new BigDecimal(cost))
                .set(PAID_CALLS.CALLED_AT, calledAt.atOffset(ZoneOffset.UTC))
                .set(PAID_CALLS.SETTLED_AT, cost == null ? null : calledAt.atOffset(ZoneOffset.UTC))
                .execute();
    }
}
