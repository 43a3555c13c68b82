package org.creatorarchiver.db;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.util.HexFormat;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.MediaFilesRecord;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.jooq.DSLContext;

/** Minimal valid rows for the schema tests, stored through the generated records. */
final class Rows {

    private final DSLContext db;

    Rows(DSLContext db) {
        this.db = db;
    }

    SourcesRecord source(String campaignId) {
        SourcesRecord source = db.newRecord(SOURCES);
        source.setExternalId(campaignId);
        source.setVanity("creator" + campaignId);
        source.store();
        return source;
    }

    PostsRecord post(SourcesRecord source, String postId) {
        PostsRecord post = db.newRecord(POSTS);
        post.setSourceId(source.getId());
        post.setExternalId(postId);
        post.store();
        return post;
    }

    MediaFilesRecord file(int seed) {
        String hash = sha256Hex(seed);
        MediaFilesRecord file = db.newRecord(MEDIA_FILES);
        file.setFileHash(hash);
        file.setFilePath("sha256/" + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash + ".mp4");
        file.setFileType("video/mp4");
        file.setFileSize(1024L + seed);
        file.store();
        return file;
    }

    PostMediaRecord media(PostsRecord post, int position, MediaFilesRecord file) {
        PostMediaRecord media = db.newRecord(POST_MEDIA);
        media.setPostId(post.getId());
        media.setPosition(position);
        media.setKind(PostMediaKind.video);
        media.setStatus(file == null ? PostMediaStatus.queued : PostMediaStatus.downloaded);
        media.setMediaFileId(file == null ? null : file.getId());
        media.store();
        return media;
    }

    VideosRecord video(PostsRecord post, String mediaId, MediaFilesRecord file) {
        VideosRecord video = db.newRecord(VIDEOS);
        video.setSourceId(post.getSourceId());
        video.setPostId(post.getId());
        video.setProvider(VideoProvider.patreon);
        video.setExternalId(mediaId);
        video.setStatus(file == null ? VideoStatus.queued : VideoStatus.completed);
        video.setMediaFileId(file == null ? null : file.getId());
        video.store();
        return video;
    }

    int referenceCount(MediaFilesRecord file) {
        return db.select(MEDIA_FILES.REFERENCE_COUNT)
                .from(MEDIA_FILES)
                .where(MEDIA_FILES.ID.eq(file.getId()))
                .fetchSingle()
                .value1();
    }

    /** A distinct, well-formed SHA-256 hex string per seed (not the hash of anything). */
    static String sha256Hex(int seed) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7);
        }
        return HexFormat.of().formatHex(bytes);
    }
}
