package org.creatorarchiver.media;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.util.concurrent.atomic.AtomicInteger;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.jooq.DSLContext;

/** A post in the database whose media rows the tests point at stored files, as the phase 2 handlers will. */
final class ArchivedPost {

    private final long id;
    private final AtomicInteger nextPosition = new AtomicInteger();

    private ArchivedPost(long id) {
        this.id = id;
    }

    static ArchivedPost create(DSLContext db, String postExternalId) {
        long sourceId = db.insertInto(SOURCES, SOURCES.EXTERNAL_ID, SOURCES.VANITY)
                .values("campaign-" + postExternalId, "creator-" + postExternalId)
                .returning(SOURCES.ID)
                .fetchSingle()
                .getId();
        long postId = db.insertInto(POSTS, POSTS.SOURCE_ID, POSTS.EXTERNAL_ID)
                .values(sourceId, postExternalId)
                .returning(POSTS.ID)
                .fetchSingle()
                .getId();
        return new ArchivedPost(postId);
    }

    /** A linker that adds the post's next media item, downloaded into the stored file. */
    MediaStore.Linker newAudio() {
        int position = nextPosition.getAndIncrement();
        return (tx, mediaFileId) -> tx.insertInto(
                        POST_MEDIA,
                        POST_MEDIA.POST_ID,
                        POST_MEDIA.POSITION,
                        POST_MEDIA.KIND,
                        POST_MEDIA.STATUS,
                        POST_MEDIA.MEDIA_FILE_ID)
                .values(id, position, PostMediaKind.audio, PostMediaStatus.downloaded, mediaFileId)
                .execute();
    }

    /** Drops the post's media rows that point at the file, as a re-processed post that lost the media does. */
    void forget(DSLContext db, long mediaFileId) {
        db.deleteFrom(POST_MEDIA)
                .where(POST_MEDIA.POST_ID.eq(id), POST_MEDIA.MEDIA_FILE_ID.eq(mediaFileId))
                .execute();
    }
}
