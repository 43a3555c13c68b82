package org.creatorarchiver.phase4.captions;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.VIDEO_SUBTITLES;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record3;

/**
 * The subtitle files phase 2 downloaded with the videos ({@code video_subtitles}, each pointing at a
 * {@code media_files} row under {@code MEDIA_DIR}). Thread-safe.
 */
public final class StoredCaptions {

    private final DSLContext db;
    private final Path mediaDir;

    public StoredCaptions(DSLContext db, Path mediaDir) {
        this.db = db;
        this.mediaDir = mediaDir.toAbsolutePath().normalize();
    }

    /**
     * The tracks stored for these videos: the {@code videos} rows whose recording the transcript is about (one
     * file can be in several posts, each with its own row and the same subtitles). The same file in the same
     * language comes once; a row without a file is left out.
     *
     * @return in language order, human tracks before automatic ones of the same language
     */
    public List<CaptionTrack> forVideos(Collection<Long> videoIds) {
        if (videoIds.isEmpty()) {
            return List.of();
        }
        return db.selectDistinct(VIDEO_SUBTITLES.LANGUAGE, VIDEO_SUBTITLES.AUTO_GENERATED, MEDIA_FILES.FILE_PATH)
                .from(VIDEO_SUBTITLES)
                .join(MEDIA_FILES)
                .on(MEDIA_FILES.ID.eq(VIDEO_SUBTITLES.MEDIA_FILE_ID))
                .where(VIDEO_SUBTITLES.VIDEO_ID.in(videoIds))
                .orderBy(VIDEO_SUBTITLES.LANGUAGE, VIDEO_SUBTITLES.AUTO_GENERATED, MEDIA_FILES.FILE_PATH)
                .fetch(this::track);
    }

    private CaptionTrack track(Record3<String, Boolean, String> row) {
        return new CaptionTrack(row.value1(), row.value2(), mediaDir.resolve(row.value3()));
    }
}
