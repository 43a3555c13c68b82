package org.creatorarchiver.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.COLLECTIONS;
import static org.creatorarchiver.db.generated.Tables.COLLECTION_POSTS;
import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.creatorarchiver.db.generated.Tables.VIDEO_SUBTITLES;

import java.util.function.Supplier;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.CollectionsRecord;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jobs are delivered at least once: doing the same insert twice must leave one row. Each test uses the unique key
 * a handler names as its ON CONFLICT target.
 */
class IdempotencyKeysTest {

    private DSLContext db;
    private Rows rows;

    @BeforeEach
    void cleanDatabase() {
        db = TestDatabase.migrated();
        TestDatabase.truncateAll();
        rows = new Rows(db);
    }

    @Test
    void aSourceByCampaignId() {
        assertOneRowAfterTwice(
                SOURCES,
                () -> db.insertInto(SOURCES, SOURCES.EXTERNAL_ID)
                        .values("791478")
                        .onConflict(SOURCES.PLATFORM, SOURCES.EXTERNAL_ID)
                        .doNothing());
    }

    @Test
    void aSourceByVanity() {
        assertOneRowAfterTwice(
                SOURCES,
                () -> db.insertInto(SOURCES, SOURCES.VANITY)
                        .values("somecreator")
                        .onConflict(SOURCES.PLATFORM, SOURCES.VANITY)
                        .doNothing());
    }

    @Test
    void unresolvedSourcesDoNotCollideOnTheirMissingCampaignId() {
        db.insertInto(SOURCES, SOURCES.VANITY).values("first").execute();
        db.insertInto(SOURCES, SOURCES.VANITY).values("second").execute();
        db.insertInto(SOURCES, SOURCES.USER_EXTERNAL_ID).values("123").execute();

        assertThat(db.fetchCount(SOURCES, SOURCES.EXTERNAL_ID.isNull())).isEqualTo(3);
    }

    @Test
    void aPost() {
        SourcesRecord source = rows.source("1");
        assertOneRowAfterTwice(
                POSTS,
                () -> db.insertInto(POSTS, POSTS.SOURCE_ID, POSTS.EXTERNAL_ID)
                        .values(source.getId(), "100")
                        .onConflict(POSTS.SOURCE_ID, POSTS.EXTERNAL_ID)
                        .doNothing());
    }

    @Test
    void aPostMediaItem() {
        PostsRecord post = rows.post(rows.source("1"), "10");
        assertOneRowAfterTwice(
                POST_MEDIA,
                () -> db.insertInto(
                                POST_MEDIA, POST_MEDIA.POST_ID, POST_MEDIA.POSITION, POST_MEDIA.KIND, POST_MEDIA.STATUS)
                        .values(post.getId(), 3, PostMediaKind.image, PostMediaStatus.url_only)
                        .onConflict(POST_MEDIA.POST_ID, POST_MEDIA.POSITION)
                        .doNothing());
    }

    @Test
    void aVideoUpsertedByPhase1AndPhase2() {
        PostsRecord post = rows.post(rows.source("1"), "10");
        assertOneRowAfterTwice(
                VIDEOS,
                () -> db.insertInto(
                                VIDEOS,
                                VIDEOS.SOURCE_ID,
                                VIDEOS.POST_ID,
                                VIDEOS.PROVIDER,
                                VIDEOS.EXTERNAL_ID,
                                VIDEOS.STATUS)
                        .values(
                                post.getSourceId(),
                                post.getId(),
                                VideoProvider.youtube,
                                "dQw4w9WgXcQ",
                                VideoStatus.pending)
                        .onConflict(VIDEOS.POST_ID, VIDEOS.PROVIDER, VIDEOS.EXTERNAL_ID)
                        .doNothing());
    }

    @Test
    void theSameVideoInAnotherPostGetsItsOwnRow() {
        SourcesRecord source = rows.source("1");
        rows.video(rows.post(source, "10"), "777", null);
        rows.video(rows.post(source, "11"), "777", null);

        assertThat(db.fetchCount(VIDEOS, VIDEOS.EXTERNAL_ID.eq("777"))).isEqualTo(2);
    }

    @Test
    void aSubtitle() {
        VideosRecord video = rows.video(rows.post(rows.source("1"), "10"), "777", null);
        assertOneRowAfterTwice(
                VIDEO_SUBTITLES,
                () -> db.insertInto(
                                VIDEO_SUBTITLES,
                                VIDEO_SUBTITLES.VIDEO_ID,
                                VIDEO_SUBTITLES.LANGUAGE,
                                VIDEO_SUBTITLES.AUTO_GENERATED)
                        .values(video.getId(), "en", false)
                        .onConflict(VIDEO_SUBTITLES.VIDEO_ID, VIDEO_SUBTITLES.LANGUAGE, VIDEO_SUBTITLES.AUTO_GENERATED)
                        .doNothing());
    }

    @Test
    void aMediaFileByItsHash() {
        String hash = Rows.sha256Hex(5);
        assertOneRowAfterTwice(
                MEDIA_FILES,
                () -> db.insertInto(MEDIA_FILES, MEDIA_FILES.FILE_HASH, MEDIA_FILES.FILE_PATH, MEDIA_FILES.FILE_SIZE)
                        .values(
                                hash,
                                "sha256/" + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash + ".jpg",
                                10L)
                        .onConflict(MEDIA_FILES.FILE_HASH)
                        .doNothing());
    }

    @Test
    void aCollectionAndItsMembership() {
        SourcesRecord source = rows.source("1");
        assertOneRowAfterTwice(
                COLLECTIONS,
                () -> db.insertInto(COLLECTIONS, COLLECTIONS.SOURCE_ID, COLLECTIONS.EXTERNAL_ID)
                        .values(source.getId(), "42")
                        .onConflict(COLLECTIONS.SOURCE_ID, COLLECTIONS.EXTERNAL_ID)
                        .doNothing());
        CollectionsRecord collection = db.fetchSingle(COLLECTIONS);
        assertOneRowAfterTwice(
                COLLECTION_POSTS,
                () -> db.insertInto(
                                COLLECTION_POSTS,
                                COLLECTION_POSTS.COLLECTION_ID,
                                COLLECTION_POSTS.POST_EXTERNAL_ID,
                                COLLECTION_POSTS.POSITION)
                        .values(collection.getId(), "900", 0)
                        .onConflict(COLLECTION_POSTS.COLLECTION_ID, COLLECTION_POSTS.POST_EXTERNAL_ID)
                        .doNothing());
    }

    private void assertOneRowAfterTwice(Table<?> table, Supplier<Query> insert) {
        assertThat(insert.get().execute()).as("first insert").isEqualTo(1);
        assertThat(insert.get().execute()).as("second insert").isZero();
        assertThat(db.fetchCount(table)).isEqualTo(1);
    }
}
