package org.creatorarchiver.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creatorarchiver.db.generated.Tables.COLLECTIONS;
import static org.creatorarchiver.db.generated.Tables.COLLECTION_POSTS;
import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.creatorarchiver.db.generated.Tables.VIDEO_SUBTITLES;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.CollectionPostsRecord;
import org.creatorarchiver.db.generated.tables.records.CollectionsRecord;
import org.creatorarchiver.db.generated.tables.records.MediaFilesRecord;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.db.generated.tables.records.VideoSubtitlesRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every table takes and returns its rows through the generated jOOQ classes, linked by their foreign keys. */
class SchemaTest {

    private static final OffsetDateTime PUBLISHED = OffsetDateTime.of(2026, 3, 22, 8, 46, 15, 0, ZoneOffset.UTC);

    private DSLContext db;
    private Rows rows;

    @BeforeEach
    void cleanDatabase() {
        db = TestDatabase.migrated();
        TestDatabase.truncateAll();
        rows = new Rows(db);
    }

    @Test
    void aSourceStartsPendingOnPatreon() {
        SourcesRecord stored = db.newRecord(SOURCES);
        stored.setVanity("somecreator");
        stored.setUrl("https://www.patreon.com/somecreator");
        stored.store();

        SourcesRecord read = db.fetchSingle(SOURCES, SOURCES.ID.eq(stored.getId()));
        assertThat(read.getPlatform()).isEqualTo("patreon");
        assertThat(read.getStatus()).isEqualTo(SourceStatus.pending);
        assertThat(read.getExternalId()).isNull();
        assertThat(read.getVanity()).isEqualTo("somecreator");
        assertThat(read.getCreatedAt()).isNotNull();
        assertThat(read.getUpdatedAt()).isNotNull();
    }

    @Test
    void aPostBelongsToItsSourceAndKeepsItsRawJson() {
        SourcesRecord source = rows.source("791478");
        PostsRecord stored = db.newRecord(POSTS);
        stored.setSourceId(source.getId());
        stored.setExternalId("100200300");
        stored.setTitle("Episode 1");
        stored.setPostType("video_external_file");
        stored.setPublishedAt(PUBLISHED);
        stored.setRaw(JSONB.valueOf("{\"id\": \"100200300\", \"type\": \"post\"}"));
        stored.store();

        PostsRecord read = db.selectFrom(POSTS)
                .where(POSTS.SOURCE_ID.eq(source.getId()).and(POSTS.EXTERNAL_ID.eq("100200300")))
                .fetchSingle();
        assertThat(read.getStatus()).isEqualTo(PostStatus.discovered);
        assertThat(read.getAttempts()).isZero();
        assertThat(read.getIsLocked()).isFalse();
        assertThat(read.getPublishedAt()).isEqualTo(PUBLISHED);
        assertThat(read.getRaw().data()).isEqualTo("{\"id\": \"100200300\", \"type\": \"post\"}");
    }

    @Test
    void aPostMediaRowRecordsItsPlaceAndDecision() {
        PostsRecord post = rows.post(rows.source("1"), "10");
        MediaFilesRecord file = rows.file(1);
        PostMediaRecord stored = db.newRecord(POST_MEDIA);
        stored.setPostId(post.getId());
        stored.setPosition(0);
        stored.setKind(PostMediaKind.attachment);
        stored.setSourceUrl("https://c10.patreonusercontent.com/file.pdf?token=x");
        stored.setExternalMediaId("555");
        stored.setStatus(PostMediaStatus.downloaded);
        stored.setMediaFileId(file.getId());
        stored.store();

        PostMediaRecord read = db.fetchSingle(POST_MEDIA, POST_MEDIA.POST_ID.eq(post.getId()));
        assertThat(read.getKind()).isEqualTo(PostMediaKind.attachment);
        assertThat(read.getStatus()).isEqualTo(PostMediaStatus.downloaded);
        assertThat(read.getMediaFileId()).isEqualTo(file.getId());
        assertThat(read.getMetadata()).isEqualTo(JSONB.valueOf("{}"));
    }

    @Test
    void aVideoAndItsSubtitlesPointAtArchivedFiles() {
        PostsRecord post = rows.post(rows.source("1"), "10");
        MediaFilesRecord videoFile = rows.file(1);
        MediaFilesRecord subtitleFile = rows.file(2);
        VideosRecord video = db.newRecord(VIDEOS);
        video.setSourceId(post.getSourceId());
        video.setPostId(post.getId());
        video.setProvider(VideoProvider.youtube);
        video.setExternalId("dQw4w9WgXcQ");
        video.setUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        video.setDurationSeconds(212);
        video.setStatus(VideoStatus.completed);
        video.setMediaFileId(videoFile.getId());
        video.store();
        VideoSubtitlesRecord subtitle = db.newRecord(VIDEO_SUBTITLES);
        subtitle.setVideoId(video.getId());
        subtitle.setLanguage("es");
        subtitle.setAutoGenerated(true);
        subtitle.setMediaFileId(subtitleFile.getId());
        subtitle.store();

        VideosRecord readVideo = db.fetchSingle(VIDEOS, VIDEOS.ID.eq(video.getId()));
        assertThat(readVideo.getProvider()).isEqualTo(VideoProvider.youtube);
        assertThat(readVideo.getDurationSeconds()).isEqualTo(212);
        assertThat(readVideo.getExtraMetadata()).isEqualTo(JSONB.valueOf("{}"));
        assertThat(db.fetchSingle(VIDEO_SUBTITLES, VIDEO_SUBTITLES.VIDEO_ID.eq(video.getId())))
                .satisfies(read -> {
                    assertThat(read.getLanguage()).isEqualTo("es");
                    assertThat(read.getAutoGenerated()).isTrue();
                    assertThat(read.getMediaFileId()).isEqualTo(subtitleFile.getId());
                });
    }

    @Test
    void aSkippedVideoCarriesItsSkipMetadata() {
        PostsRecord post = rows.post(rows.source("1"), "10");
        VideosRecord video = rows.video(post, "777", null);
        video.setStatus(VideoStatus.skipped);
        video.setExtraMetadata(JSONB.valueOf("{\"skip_reason\": \"duration_exceeded_at_discovery\", "
                + "\"max_allowed_seconds\": 2159, \"actual_duration_seconds\": 5400}"));
        video.store();

        String reason = db.select(VIDEOS.EXTRA_METADATA)
                .from(VIDEOS)
                .where(VIDEOS.STATUS.eq(VideoStatus.skipped))
                .fetchSingle()
                .value1()
                .data();
        assertThat(reason).contains("\"skip_reason\": \"duration_exceeded_at_discovery\"");
    }

    @Test
    void aMediaFileIsFoundByItsHash() {
        MediaFilesRecord stored = rows.file(7);

        MediaFilesRecord read = db.fetchSingle(MEDIA_FILES, MEDIA_FILES.FILE_HASH.eq(Rows.sha256Hex(7)));
        assertThat(read.getId()).isEqualTo(stored.getId());
        assertThat(read.getFilePath()).startsWith("sha256/" + Rows.sha256Hex(7).substring(0, 2) + "/");
        assertThat(read.getReferenceCount()).isZero();
    }

    @Test
    void aCollectionListsPostsByExternalIdEvenBeforeThePostIsKnown() {
        SourcesRecord source = rows.source("1");
        CollectionsRecord collection = db.newRecord(COLLECTIONS);
        collection.setSourceId(source.getId());
        collection.setExternalId("42");
        collection.setTitle("Season 1");
        collection.setNumPosts(2);
        collection.store();
        for (String postId : new String[] {"900", "901"}) {
            CollectionPostsRecord member = db.newRecord(COLLECTION_POSTS);
            member.setCollectionId(collection.getId());
            member.setPostExternalId(postId);
            member.setPosition(postId.equals("900") ? 0 : 1);
            member.store();
        }

        assertThat(db.select(COLLECTION_POSTS.POST_EXTERNAL_ID)
                        .from(COLLECTION_POSTS)
                        .join(COLLECTIONS)
                        .on(COLLECTIONS.ID.eq(COLLECTION_POSTS.COLLECTION_ID))
                        .where(COLLECTIONS.SOURCE_ID.eq(source.getId()))
                        .orderBy(COLLECTION_POSTS.POSITION)
                        .fetch(COLLECTION_POSTS.POST_EXTERNAL_ID))
                .containsExactly("900", "901");
    }

    @Test
    void deletingASourceRemovesEverythingArchivedForIt() {
        SourcesRecord source = rows.source("1");
        PostsRecord post = rows.post(source, "10");
        rows.media(post, 0, null);
        rows.video(post, "777", null);

        db.deleteFrom(SOURCES).where(SOURCES.ID.eq(source.getId())).execute();

        assertThat(db.fetchCount(POSTS)).isZero();
        assertThat(db.fetchCount(POST_MEDIA)).isZero();
        assertThat(db.fetchCount(VIDEOS)).isZero();
    }

    @Test
    void updatingARowMovesItsUpdatedAt() {
        SourcesRecord source = rows.source("1");
        OffsetDateTime created =
                db.fetchSingle(SOURCES, SOURCES.ID.eq(source.getId())).getUpdatedAt();

        db.transaction(tx -> tx.dsl()
                .update(SOURCES)
                .set(SOURCES.STATUS, SourceStatus.active)
                .where(SOURCES.ID.eq(source.getId()))
                .execute());

        assertThat(db.fetchSingle(SOURCES, SOURCES.ID.eq(source.getId())).getUpdatedAt())
                .isAfter(created);
    }

    @Test
    void theSchemaRefusesRowsThatBreakItsInvariants() {
        PostsRecord post = rows.post(rows.source("1"), "10");

        assertThatThrownBy(() ->
                        db.insertInto(SOURCES, SOURCES.NAME).values("nobody").execute())
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("sources_identified");
        assertThatThrownBy(() -> db.insertInto(
                                POST_MEDIA, POST_MEDIA.POST_ID, POST_MEDIA.POSITION, POST_MEDIA.KIND, POST_MEDIA.STATUS)
                        .values(post.getId(), -1, PostMediaKind.image, PostMediaStatus.url_only)
                        .execute())
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("post_media_position_not_negative");
        assertThatThrownBy(() -> insertFile(Rows.sha256Hex(1).toUpperCase(), "sha256/x"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("media_files_file_hash_sha256_hex");
        String hash = Rows.sha256Hex(2);
        assertThatThrownBy(() -> insertFile(hash, "sha256/00/00/" + hash + ".mp4"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("media_files_file_path_from_hash");
        assertThat(insertFile(hash, "sha256/" + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash))
                .as("a file without extension")
                .isEqualTo(1);
    }

    private int insertFile(String hash, String path) {
        return db.insertInto(MEDIA_FILES, MEDIA_FILES.FILE_HASH, MEDIA_FILES.FILE_PATH, MEDIA_FILES.FILE_SIZE)
                .values(hash, path, 1L)
                .execute();
    }
}
