package org.creatorarchiver.architecture;

import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.jooq.DSLContext;

/** What {@link StatusColumnWriters} must catch: a status write that bypasses the owner's transition table. */
final class RogueStatusWriter {

    private RogueStatusWriter() {}

    static void failEveryVideo(DSLContext dsl) {
        dsl.update(VIDEOS).set(VIDEOS.STATUS, VideoStatus.failed).execute();
    }

    static int countSkipped(DSLContext dsl) {
        return dsl.fetchCount(VIDEOS, VIDEOS.STATUS.eq(VideoStatus.skipped));
    }
}
