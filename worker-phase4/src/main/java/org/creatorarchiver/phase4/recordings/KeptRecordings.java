package org.creatorarchiver.phase4.recordings;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.transcripts.TranscriptContent;
import org.creatorarchiver.videos.VideoMetadata;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record4;

/**
 * The items that keep a transcript's content today, read fresh for every job: a video {@code completed} with the file
 * (or, for a YouTube id, {@code completed} or {@code embedded}), or an audio {@code downloaded}. Skipped,
 * {@code view_on_patreon}, failed and locked items never count, so nothing of theirs is ever sent.
 */
public final class KeptRecordings {

    private final DSLContext dsl;
    private final DurationPolicy durations;

    public KeptRecordings(DSLContext dsl, DurationPolicy durations) {
        this.dsl = dsl;
        this.durations = durations;
    }

    public List<Recording> of(TranscriptContent content) {
        List<Recording> kept = new ArrayList<>(videos(videosOf(content)));
        if (content instanceof TranscriptContent.StoredFile(long fileId) && keptAsAudio(fileId)) {
            kept.add(Recording.audio());
        }
        return kept;
    }

    /** The video rows that keep {@code content}: the ones whose duration and limit decide. */
    private static Condition videosOf(TranscriptContent content) {
        return switch (content) {
            case TranscriptContent.StoredFile(long fileId) ->
                VIDEOS.MEDIA_FILE_ID.eq(fileId).and(VIDEOS.STATUS.eq(VideoStatus.completed));
            case TranscriptContent.YouTubeVideo(String id) ->
                VIDEOS.PROVIDER
                        .eq(VideoProvider.youtube)
                        .and(VIDEOS.EXTERNAL_ID.eq(id))
                        .and(VIDEOS.STATUS.in(EnumSet.of(VideoStatus.completed, VideoStatus.embedded)));
        };
    }

    private List<Recording> videos(Condition which) {
        return dsl.select(VIDEOS.ID, VIDEOS.DURATION_SECONDS, VIDEOS.EXTRA_METADATA, SOURCES.MAX_VIDEO_DURATION_SECONDS)
                .from(VIDEOS)
                .join(SOURCES)
                .on(SOURCES.ID.eq(VIDEOS.SOURCE_ID))
                .join(POSTS)
                .on(POSTS.ID.eq(VIDEOS.POST_ID))
                .where(which, POSTS.IS_LOCKED.isFalse())
                .orderBy(VIDEOS.ID)
                .fetch(this::recording);
    }

    private Recording recording(Record4<Long, Integer, JSONB, Integer> row) {
        Integer duration = row.value2();
        VideoMetadata metadata = VideoMetadata.parse(row.value3());
        return new Recording(
                Optional.of(row.value1()),
                duration == null ? OptionalInt.empty() : OptionalInt.of(duration),
                durations.limitFor(row.value4()),
                metadata.processAnyway() || metadata.processedAnyway());
    }

    private boolean keptAsAudio(long fileId) {
        return dsl.fetchExists(dsl.selectOne()
                .from(POST_MEDIA)
                .join(POSTS)
                .on(POSTS.ID.eq(POST_MEDIA.POST_ID))
                .where(
                        POST_MEDIA.MEDIA_FILE_ID.eq(fileId),
                        POST_MEDIA.KIND.eq(PostMediaKind.audio),
                        POST_MEDIA.STATUS.eq(PostMediaStatus.downloaded),
                        POSTS.IS_LOCKED.isFalse()));
    }
}
