package org.creatorarchiver.orchestrator;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Locale;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** Rows as the phases leave them, stored with jOOQ, for tests of what the orchestrator reads and changes. */
public final class ArchiveRows {

    private final DSLContext db;
    private int serial;

    public ArchiveRows() {
        this(TestDatabase.migrated());
    }

    public ArchiveRows(DSLContext db) {
        this.db = db;
    }

    public DSLContext dsl() {
        return db;
    }

    /** A source as {@code enqueue} leaves it ({@code pending}, with its URL); returns its id. */
    public long source(String vanity) {
        return db.insertInto(SOURCES, SOURCES.VANITY, SOURCES.URL)
                .values(vanity, "https://www.patreon.com/" + vanity)
                .returning(SOURCES.ID)
                .fetchOne(SOURCES.ID);
    }

    public long source(String vanity, SourceStatus status) {
        return db.insertInto(SOURCES, SOURCES.VANITY, SOURCES.STATUS)
                .values(vanity, status)
                .returning(SOURCES.ID)
                .fetchOne(SOURCES.ID);
    }

    public long post(long sourceId, String externalId, PostStatus status) {
        return db.insertInto(POSTS, POSTS.SOURCE_ID, POSTS.EXTERNAL_ID, POSTS.STATUS)
                .values(sourceId, externalId, status)
                .returning(POSTS.ID)
                .fetchOne(POSTS.ID);
    }

    public long postMedia(long postId, int position, String externalMediaId, PostMediaStatus status) {
        return db.insertInto(
                        POST_MEDIA,
                        POST_MEDIA.POST_ID,
                        POST_MEDIA.POSITION,
                        POST_MEDIA.KIND,
                        POST_MEDIA.EXTERNAL_MEDIA_ID,
                        POST_MEDIA.STATUS)
                .values(postId, position, PostMediaKind.video, externalMediaId, status)
                .returning(POST_MEDIA.ID)
                .fetchOne(POST_MEDIA.ID);
    }

    public long video(
            long sourceId,
            long postId,
            String externalId,
            String title,
            Integer durationSeconds,
            VideoStatus status,
            String extraMetadataJson) {
        return db.insertInto(
                        VIDEOS,
                        VIDEOS.SOURCE_ID,
                        VIDEOS.POST_ID,
                        VIDEOS.PROVIDER,
                        VIDEOS.EXTERNAL_ID,
                        VIDEOS.TITLE,
                        VIDEOS.DURATION_SECONDS,
                        VIDEOS.STATUS,
                        VIDEOS.EXTRA_METADATA)
                .values(
                        sourceId,
                        postId,
                        VideoProvider.patreon,
                        externalId,
                        title,
                        durationSeconds,
                        status,
                        JSONB.valueOf(extraMetadataJson))
                .returning(VIDEOS.ID)
                .fetchOne(VIDEOS.ID);
    }

    /** A Patreon video of a new post of {@code sourceId} in {@code status}; returns the video's id. */
    public long video(long sourceId, String externalId, String status) {
        VideosRecord video = newVideo(sourceId, VideoProvider.patreon, externalId);
        video.setStatus(VideoStatus.valueOf(status));
        video.store();
        return video.getId();
    }

    /** A Patreon video skipped by phase 2 for lasting {@code actualSeconds} (over the default 2159 s). */
    public long skippedVideo(long sourceId, String externalId, double actualSeconds, String skippedAt) {
        VideosRecord video = newVideo(sourceId, VideoProvider.patreon, externalId);
        video.setTitle("Video " + externalId);
        video.setDurationSeconds((int) actualSeconds);
        video.setStatus(VideoStatus.skipped);
        video.setExtraMetadata(JSONB.valueOf(String.format(
                Locale.ROOT,
                "{\"skip_reason\": \"duration_exceeded\", \"max_allowed_seconds\": 2159,"
                        + " \"actual_duration_seconds\": %s, \"skipped_at\": \"%s\"}",
                actualSeconds,
                skippedAt)));
        video.store();
        return video.getId();
    }

    /** A video skipped with the given provider, reason and row duration, its metadata naming no measured length. */
    public long skippedVideo(
            long sourceId,
            VideoProvider provider,
            String externalId,
            String title,
            Integer durationSeconds,
            String reason,
            String skippedAt) {
        VideosRecord video = newVideo(sourceId, provider, externalId);
        video.setTitle(title);
        video.setDurationSeconds(durationSeconds);
        video.setStatus(VideoStatus.skipped);
        video.setExtraMetadata(JSONB.valueOf(String.format(
                "{\"skip_reason\": \"%s\", \"max_allowed_seconds\": 2159, \"skipped_at\": \"%s\"}",
                reason, skippedAt)));
        video.store();
        return video.getId();
    }

    /** A stored media file of {@code size} bytes. */
    public void mediaFile(long size) {
        String hash = HexFormat.of()
                .formatHex(
                        ByteBuffer.allocate(32).putLong(size).putInt(++serial).array());
        db.insertInto(MEDIA_FILES, MEDIA_FILES.FILE_HASH, MEDIA_FILES.FILE_PATH, MEDIA_FILES.FILE_SIZE)
                .values(hash, "sha256/" + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash + ".mp4", size)
                .execute();
    }

    private VideosRecord newVideo(long sourceId, VideoProvider provider, String externalId) {
        long postId = db.insertInto(POSTS, POSTS.SOURCE_ID, POSTS.EXTERNAL_ID)
                .values(sourceId, "post-" + (++serial))
                .returning(POSTS.ID)
                .fetchOne(POSTS.ID);
        VideosRecord video = db.newRecord(VIDEOS);
        video.setSourceId(sourceId);
        video.setPostId(postId);
        video.setProvider(provider);
        video.setExternalId(externalId);
        return video;
    }
}
