package org.creatorarchiver.orchestrator.videos;

import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;

import java.util.List;
import java.util.OptionalLong;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Finds the sources to flag: those with videos, more than half of them {@code skipped}. */
public final class SkipAlerts {

    private final DSLContext dsl;

    public SkipAlerts(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<SkipAlert> all() {
        return read(DSL.trueCondition());
    }

    public List<SkipAlert> forSource(OptionalLong sourceId) {
        return read(sourceId.isPresent() ? VIDEOS.SOURCE_ID.eq(sourceId.getAsLong()) : DSL.trueCondition());
    }

    private List<SkipAlert> read(Condition videosOf) {
        Field<Integer> skipped = count().filterWhere(VIDEOS.STATUS.eq(VideoStatus.skipped));
        Field<Integer> videos = count();
        Field<String> name = coalesce(SOURCES.NAME, SOURCES.VANITY, SOURCES.EXTERNAL_ID);
        return dsl.select(VIDEOS.SOURCE_ID, name, skipped, videos)
                .from(VIDEOS)
                .join(SOURCES)
                .on(SOURCES.ID.eq(VIDEOS.SOURCE_ID))
                .where(videosOf)
                .groupBy(VIDEOS.SOURCE_ID, SOURCES.NAME, SOURCES.VANITY, SOURCES.EXTERNAL_ID)
                .having(skipped.mul(2).gt(videos))
                .orderBy(VIDEOS.SOURCE_ID)
                .fetch(row -> SkipAlert.of(row.value1(), row.value2(), row.value3(), row.value4()));
    }
}
