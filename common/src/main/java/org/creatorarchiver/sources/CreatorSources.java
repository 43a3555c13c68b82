package org.creatorarchiver.sources;

import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.util.Objects;
import java.util.Optional;
import org.creatorarchiver.patreon.CreatorRef;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sources} row of a creator a user named: found by the key their input gave (vanity, campaign id or user
 * id), or inserted as {@code pending}. Safe when several processes register the same creator at once: the insert
 * yields to the unique key ({@code ON CONFLICT DO NOTHING}) and the row that won is read back.
 */
public final class CreatorSources {

    /** The platform every row of this archiver belongs to (part of each unique key of {@code sources}). */
    static final String PLATFORM = "patreon";

    private static final Logger log = LoggerFactory.getLogger(CreatorSources.class);
    private static final String CANONICAL_BASE = "https://www.patreon.com/";

    private final DSLContext dsl;

    public CreatorSources(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /**
     * The source a creator reference names and whether this call created it.
     *
     * @param sourceId {@code sources.id}
     * @param created  true when the row was inserted now, false when it existed (its status is left as it was)
     */
    public record Registration(long sourceId, boolean created) {}

    /**
     * Finds or inserts the source of {@code ref}, by the one key the reference carries. A vanity also finds a row
     * already resolved to a campaign id, since it keeps its vanity. New rows get the canonical URL where the
     * reference allows one (none for a bare campaign id: the resolver fills it in).
     *
     * @param inputAsGiven what the user typed, for the log line of a new source
     */
    public Registration register(CreatorRef ref, String inputAsGiven) {
        Field<String> key = keyColumn(ref);
        Optional<Long> inserted = insertUnlessPresent(ref, key);
        if (inserted.isPresent()) {
            log.info("new source {} for '{}' ({})", inserted.get(), inputAsGiven, ref);
            return new Registration(inserted.get(), true);
        }
        return new Registration(existing(ref, key), false);
    }

    /** The new row's id; empty when a row with the same key exists. */
    private Optional<Long> insertUnlessPresent(CreatorRef ref, Field<String> key) {
        return dsl.insertInto(SOURCES)
                .set(SOURCES.PLATFORM, PLATFORM)
                .set(key, ref.value())
                .set(SOURCES.URL, canonicalUrl(ref))
                .onConflict(SOURCES.PLATFORM, key)
                .doNothing()
                .returningResult(SOURCES.ID)
                .fetchOptional(SOURCES.ID);
    }

    private long existing(CreatorRef ref, Field<String> key) {
        // The conflicting row is committed by now (ON CONFLICT waits for a concurrent insert), so this sees it.
        Long existing = dsl.select(SOURCES.ID)
                .from(SOURCES)
                .where(SOURCES.PLATFORM.eq(PLATFORM).and(key.eq(ref.value())))
                .fetchOne(SOURCES.ID);
        if (existing == null) {
            throw new IllegalStateException(
                    "source " + ref + " conflicted on insert but cannot be found" + " (deleted meanwhile?)");
        }
        return existing;
    }

    private static Field<String> keyColumn(CreatorRef ref) {
        return switch (ref) {
            case CreatorRef.Vanity v -> SOURCES.VANITY;
            case CreatorRef.CampaignId c -> SOURCES.EXTERNAL_ID;
            case CreatorRef.UserId u -> SOURCES.USER_EXTERNAL_ID;
        };
    }

    private static String canonicalUrl(CreatorRef ref) {
        return switch (ref) {
            case CreatorRef.Vanity v -> CANONICAL_BASE + v.value();
            case CreatorRef.UserId u -> CANONICAL_BASE + "user?u=" + u.value();
            case CreatorRef.CampaignId c -> null;
        };
    }
}
