package org.creatorarchiver.transcripts;

import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.util.EnumSet;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.states.TranscriptStates;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * The transcript rows every kept recording should have, created where missing ({@code pending}): for an archive made
 * before transcription was turned on, and for a request lost between phase 2's commit and its enqueue. Which
 * recordings count is the same rule as {@link TranscriptRequests}'s callers: downloaded videos and audio by file,
 * YouTube videos by id (embedded ones only when captions are used).
 */
public final class TranscriptBackfill {

    private TranscriptBackfill() {}

    /** @return the rows created (0 while transcription is off) */
    public static int run(DSLContext dsl, Settings.Transcription settings) {
        if (!settings.enabled()) {
            return 0;
        }
        // New rows take the column's default, pending: the target of REQUEST, the move that creates transcripts.
        TranscriptStates.COLUMN.check(TranscriptStates.Move.REQUEST, Optional.empty(), TranscriptStatus.pending);
        return storedFiles(dsl) + youTubeVideos(dsl, settings.useCaptions());
    }

    private static int storedFiles(DSLContext dsl) {
        return dsl.insertInto(TRANSCRIPTS, TRANSCRIPTS.MEDIA_FILE_ID)
                .select(DSL.selectDistinct(DSL.field("f.media_file_id", Long.class))
                        .from(downloadedVideoFiles()
                                .union(downloadedAudioFiles())
                                .asTable("f", "media_file_id")))
                .onConflictDoNothing()
                .execute();
    }

    /** Videos downloaded by file; YouTube ones are transcribed by id instead. */
    private static Select<Record1<Long>> downloadedVideoFiles() {
        return DSL.select(VIDEOS.MEDIA_FILE_ID)
                .from(VIDEOS)
                .where(
                        VIDEOS.STATUS.eq(VideoStatus.completed),
                        VIDEOS.PROVIDER.ne(VideoProvider.youtube),
                        VIDEOS.MEDIA_FILE_ID.isNotNull());
    }

    private static Select<Record1<Long>> downloadedAudioFiles() {
        return DSL.select(POST_MEDIA.MEDIA_FILE_ID)
                .from(POST_MEDIA)
                .where(
                        POST_MEDIA.KIND.eq(PostMediaKind.audio),
                        POST_MEDIA.STATUS.eq(PostMediaStatus.downloaded),
                        POST_MEDIA.MEDIA_FILE_ID.isNotNull());
    }

    private static int youTubeVideos(DSLContext dsl, boolean useCaptions) {
        return dsl.insertInto(TRANSCRIPTS, TRANSCRIPTS.YOUTUBE_ID)
                .select(keptYouTubeIds(useCaptions))
                .onConflictDoNothing()
                .execute();
    }

    /** YouTube videos downloaded, and embedded ones when their captions are wanted. */
    private static Select<Record1<String>> keptYouTubeIds(boolean useCaptions) {
        EnumSet<VideoStatus> kept = useCaptions
                ? EnumSet.of(VideoStatus.completed, VideoStatus.embedded)
                : EnumSet.of(VideoStatus.completed);
        return DSL.selectDistinct(VIDEOS.EXTERNAL_ID)
                .from(VIDEOS)
                .where(VIDEOS.PROVIDER.eq(VideoProvider.youtube), VIDEOS.STATUS.in(kept));
    }
}
