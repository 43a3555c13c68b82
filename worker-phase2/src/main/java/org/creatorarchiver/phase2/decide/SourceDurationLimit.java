package org.creatorarchiver.phase2.decide;

import static org.creatorarchiver.db.generated.Tables.SOURCES;

import org.creatorarchiver.policy.DurationPolicy;
import org.jooq.DSLContext;

/** A source's video duration limit as it is now: its own, else {@code MAX_VIDEO_DURATION_SECONDS}. */
final class SourceDurationLimit {

    private SourceDurationLimit() {}

    static int of(DSLContext dsl, DurationPolicy policy, long sourceId) {
        Integer own = dsl.select(SOURCES.MAX_VIDEO_DURATION_SECONDS)
                .from(SOURCES)
                .where(SOURCES.ID.eq(sourceId))
                .fetchOptional(SOURCES.MAX_VIDEO_DURATION_SECONDS)
                .orElse(null);
        return policy.limitFor(own);
    }
}
