package org.creatorarchiver.orchestrator.sources;

import static org.creatorarchiver.config.EnvironmentVariables.MAX_MAX_VIDEO_DURATION_SECONDS;
import static org.creatorarchiver.config.EnvironmentVariables.MIN_MAX_VIDEO_DURATION_SECONDS;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads the sources and sets their own video duration limit ({@code sources.max_video_duration_seconds}). */
public final class SourceLimits {

    private final DSLContext dsl;

    public SourceLimits(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every source, oldest first. */
    public List<SourcesRecord> all() {
        return dsl.selectFrom(SOURCES).orderBy(SOURCES.ID).fetch();
    }

    /** A source named by its id (all digits) or, failing that, its vanity name. */
    public Optional<SourcesRecord> find(String idOrVanity) {
        if (idOrVanity.matches("[0-9]{1,18}")) {
            Optional<SourcesRecord> byId = dsl.selectFrom(SOURCES)
                    .where(SOURCES.ID.eq(Long.parseLong(idOrVanity)))
                    .fetchOptional();
            if (byId.isPresent()) {
                return byId;
            }
        }
        return dsl.selectFrom(SOURCES)
                .where(SOURCES.VANITY.equalIgnoreCase(idOrVanity))
                .fetchOptional();
    }

    /**
     * The limit a user wrote: whole seconds within the bounds of {@code MAX_VIDEO_DURATION_SECONDS}, or
     * {@code default} (empty: the global limit applies).
     *
     * @throws IllegalArgumentException naming the value and the accepted range
     */
    public static OptionalInt parseLimit(String text) {
        if (text.equalsIgnoreCase("default")) {
            return OptionalInt.empty();
        }
        int seconds;
        try {
            seconds = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < MIN_MAX_VIDEO_DURATION_SECONDS || seconds > MAX_MAX_VIDEO_DURATION_SECONDS) {
            throw new IllegalArgumentException("'" + text + "' is not a limit: expected whole seconds from "
                    + MIN_MAX_VIDEO_DURATION_SECONDS + " to " + MAX_MAX_VIDEO_DURATION_SECONDS + ", or 'default'");
        }
        return OptionalInt.of(seconds);
    }

    /** Sets (or, when empty, clears) a source's own limit. */
    public void setLimit(long sourceId, OptionalInt seconds) {
        dsl.update(SOURCES)
                .set(SOURCES.MAX_VIDEO_DURATION_SECONDS, seconds.isPresent() ? seconds.getAsInt() : null)
                .set(SOURCES.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(SOURCES.ID.eq(sourceId))
                .execute();
    }
}
