package org.creatorarchiver.sources;

import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.patreon.creator.ResolvedCreator;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads and updates {@code sources} rows for the phases. */
public final class SourceStore {

    private static final String PLATFORM = "patreon";

    private final DSLContext dsl;
    private final Clock clock;

    public SourceStore(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public Optional<Source> find(long sourceId) {
        return dsl.selectFrom(SOURCES)
                .where(SOURCES.ID.eq(sourceId))
                .fetchOptional()
                .map(Source::of);
    }

    /**
     * Records the campaign id Patreon gave for the source. When another row already has that campaign (the creator
     * was enqueued twice under different names before either was resolved), this row is merged into that one: its
     * vanity, user id and duration limit fill the other's gaps and it is deleted. Nothing else points at an
     * unresolved row (posts and collections need the campaign id), so nothing is lost.
     *
     * @return the source that now stands for the creator
     */
    public Source recordResolved(long sourceId, ResolvedCreator creator) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            long keptId = keptRow(tx, lockedRow(tx, sourceId), creator.campaignId());
            creator.vanity().ifPresent(vanity -> giveVanity(tx, keptId, vanity));
            fillDetails(tx, keptId, creator);
            return Source.of(tx.selectFrom(SOURCES).where(SOURCES.ID.eq(keptId)).fetchSingle());
        });
    }

    private static SourcesRecord lockedRow(DSLContext tx, long sourceId) {
        return tx.selectFrom(SOURCES)
                .where(SOURCES.ID.eq(sourceId))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> new IllegalStateException("source " + sourceId + " no longer exists"));
    }

    /** The row that stands for the campaign: another that already has it (this one merged into it), else this one. */
    private static long keptRow(DSLContext tx, SourcesRecord row, String campaignId) {
        Optional<SourcesRecord> owner = lockedOwner(tx, campaignId, row.getId());
        if (owner.isPresent()) {
            mergeInto(tx, row, owner.get().getId());
            return owner.get().getId();
        }
        tx.update(SOURCES)
                .set(SOURCES.EXTERNAL_ID, campaignId)
                .where(SOURCES.ID.eq(row.getId()))
                .execute();
        return row.getId();
    }

    /** The other row that already has the campaign, locked; empty when none does. */
    private static Optional<SourcesRecord> lockedOwner(DSLContext tx, String campaignId, long sourceId) {
        return tx.selectFrom(SOURCES)
                .where(SOURCES.PLATFORM.eq(PLATFORM), SOURCES.EXTERNAL_ID.eq(campaignId), SOURCES.ID.ne(sourceId))
                .forUpdate()
                .fetchOptional();
    }

    /** Deletes {@code row}; its vanity, user id and duration limit fill the gaps of the row {@code keptId}. */
    private static void mergeInto(DSLContext tx, SourcesRecord row, long keptId) {
        tx.deleteFrom(SOURCES).where(SOURCES.ID.eq(row.getId())).execute();
        tx.update(SOURCES)
                .set(SOURCES.VANITY, DSL.coalesce(SOURCES.VANITY, DSL.val(row.getVanity())))
                .set(SOURCES.USER_EXTERNAL_ID, DSL.coalesce(SOURCES.USER_EXTERNAL_ID, DSL.val(row.getUserExternalId())))
                .set(
                        SOURCES.MAX_VIDEO_DURATION_SECONDS,
                        DSL.coalesce(SOURCES.MAX_VIDEO_DURATION_SECONDS, DSL.val(row.getMaxVideoDurationSeconds())))
                .where(SOURCES.ID.eq(keptId))
                .execute();
    }

    /** A vanity another row holds stays with that row: it will merge into this one when it is resolved. */
    private static void giveVanity(DSLContext tx, long keptId, String vanity) {
        var other = SOURCES.as("other");
        tx.update(SOURCES)
                .set(SOURCES.VANITY, vanity)
                .where(SOURCES.ID.eq(keptId), SOURCES.VANITY.isNull())
                .andNotExists(tx.selectOne().from(other).where(other.PLATFORM.eq(PLATFORM), other.VANITY.eq(vanity)))
                .execute();
    }

    /** The name and URL Patreon gave, where it gave them. */
    private void fillDetails(DSLContext tx, long keptId, ResolvedCreator creator) {
        tx.update(SOURCES)
                .set(SOURCES.NAME, DSL.coalesce(DSL.val(creator.name().orElse(null)), SOURCES.NAME))
                .set(SOURCES.URL, DSL.coalesce(DSL.val(creator.url().orElse(null)), SOURCES.URL))
                .set(SOURCES.UPDATED_AT, now())
                .where(SOURCES.ID.eq(keptId))
                .execute();
    }

    /** The source works: status {@code active}, the last error cleared. */
    public void markActive(long sourceId) {
        dsl.update(SOURCES)
                .set(SOURCES.STATUS, SourceStatus.active)
                .setNull(SOURCES.LAST_ERROR)
                .set(SOURCES.UPDATED_AT, now())
                .where(
                        SOURCES.ID.eq(sourceId),
                        SOURCES.STATUS.ne(SourceStatus.active).or(SOURCES.LAST_ERROR.isNotNull()))
                .execute();
    }

    /** A failure that is the source's state (not found, session refused, blocked): one line on the row. */
    public void recordFailure(long sourceId, SourceStatus status, String error) {
        dsl.update(SOURCES)
                .set(SOURCES.STATUS, status)
                .set(SOURCES.LAST_ERROR, error)
                .set(SOURCES.UPDATED_AT, now())
                .where(SOURCES.ID.eq(sourceId))
                .execute();
    }

    /**
     * The job gave up ({@code reason}): status {@code failed}, unless the handler has just recorded this very failure
     * as a more precise state (not found, unauthorized, blocked).
     */
    public void recordGaveUp(long sourceId, String reason) {
        dsl.update(SOURCES)
                .set(SOURCES.STATUS, SourceStatus.failed)
                .set(SOURCES.LAST_ERROR, reason)
                .set(SOURCES.UPDATED_AT, now())
                .where(SOURCES.ID.eq(sourceId))
                // NULL-safe: a row in such a state without a message must still take the reason.
                .andNot(SOURCES.STATUS
                        .in(SourceStatus.not_found, SourceStatus.unauthorized, SourceStatus.blocked)
                        .and(SOURCES.LAST_ERROR.isNotDistinctFrom(reason)))
                .execute();
    }

    /** Phase 1's checkpoint: the next page to fetch, or NULL when no listing is in progress. */
    public void saveSyncCursor(long sourceId, String nextPageUrl) {
        dsl.update(SOURCES)
                .set(SOURCES.SYNC_CURSOR, nextPageUrl)
                .where(SOURCES.ID.eq(sourceId))
                .execute();
    }

    /**
     * A listing walked to its end (or to the known posts): no checkpoint, {@code last_synced_at} now, by the
     * database's clock, which also stamps {@code posts.created_at}: phase 1 compares the two.
     */
    public void finishListing(long sourceId) {
        dsl.update(SOURCES)
                .setNull(SOURCES.SYNC_CURSOR)
                .set(SOURCES.LAST_SYNCED_AT, DSL.currentOffsetDateTime())
                .set(SOURCES.UPDATED_AT, now())
                .where(SOURCES.ID.eq(sourceId))
                .execute();
    }

    /** Phase 3 listed every collection of the source and stored what changed: {@code collections_synced_at} now. */
    public void finishCollectionsListing(long sourceId) {
        dsl.update(SOURCES)
                .set(SOURCES.COLLECTIONS_SYNCED_AT, now())
                .set(SOURCES.UPDATED_AT, now())
                .where(SOURCES.ID.eq(sourceId))
                .execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
