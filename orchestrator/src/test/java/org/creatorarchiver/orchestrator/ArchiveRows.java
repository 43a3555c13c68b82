package org.creatorarchiver.orchestrator;

import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

/** Rows the orchestrator's tests start from, inserted as the workers would have left them. */
final class ArchiveRows {

    private final DSLContext dsl = TestDatabase.migrated();

    long source(String vanity) {
        return dsl.insertInto(SOURCES, SOURCES.VANITY, SOURCES.URL)
                .values(vanity, "https://www.patreon.com/" + vanity)
                .returning(SOURCES.ID).fetchOne().getId();
    }

    long post(long sourceId, String externalId, PostStatus status) {
        return dsl.insertInto(POSTS, POSTS.SOURCE_ID, POSTS.EXTERNAL_ID, POSTS.STATUS)
                .values(sourceId, externalId, status)
                .returning(POSTS.ID).fetchOne().getId();
    }

    long postMedia(long postId, int position, String externalMediaId, PostMediaStatus status) {
        return dsl.insertInto(POST_MEDIA, POST_MEDIA.POST_ID, POST_MEDIA.POSITION, POST_MEDIA.KIND,
                        POST_MEDIA.EXTERNAL_MEDIA_ID, POST_MEDIA.STATUS)
                .values(postId, position, PostMediaKind.video, externalMediaId, status)
                .returning(POST_MEDIA.ID).fetchOne().getId();
    }

    long video(long sourceId, long postId, String externalId, String title, Integer durationSeconds,
               VideoStatus status, String extraMetadataJson) {
        return dsl.insertInto(VIDEOS, VIDEOS.SOURCE_ID, VIDEOS.POST_ID, VIDEOS.PROVIDER, VIDEOS.EXTERNAL_ID,
                        VIDEOS.TITLE, VIDEOS.DURATION_SECONDS, VIDEOS.STATUS, VIDEOS.EXTRA_METADATA)
                .values(sourceId, postId, VideoProvider.patreon, externalId, title, durationSeconds, status,
                        JSONB.valueOf(extraMetadataJson))
                .returning(VIDEOS.ID).fetchOne().getId();
    }

    DSLContext dsl() {
        return dsl;
    }
}
