package org.creatorarchiver.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.time.Instant;
import java.util.Optional;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.patreon.CreatorRef;
import org.creatorarchiver.patreon.creator.ResolvedCreator;
import org.creatorarchiver.testing.SettableClock;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The phases' reads and writes of {@code sources} rows, on the real schema. */
class SourceStoreTest {

    private static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");

    private DSLContext db;
    private SettableClock clock;
    private SourceStore store;

    @BeforeEach
    void cleanDatabase() {
        db = TestDatabase.migrated();
        TestDatabase.truncateAll();
        clock = SettableClock.at(NOW);
        store = new SourceStore(db, clock);
    }

    @Test
    void aSourceIsReadAsItsRowSays() {
        long id = insert(null, "skyforge", null);
        db.update(SOURCES)
                .set(SOURCES.MAX_VIDEO_DURATION_SECONDS, 600)
                .set(SOURCES.SYNC_CURSOR, "https://x/next")
                .where(SOURCES.ID.eq(id))
                .execute();

        Source source = store.find(id).orElseThrow();

        assertThat(source.campaignId()).isEmpty();
        assertThat(source.vanity()).contains("skyforge");
        assertThat(source.status()).isEqualTo(SourceStatus.pending);
        assertThat(source.maxVideoDurationSeconds()).isEqualTo(600);
        assertThat(source.syncCursor()).contains("https://x/next");
        assertThat(source.lastSyncedAt()).isEmpty();
        assertThat(source.creatorRef()).isEqualTo(new CreatorRef.Vanity("skyforge"));
        assertThat(source.label()).isEqualTo("source " + id + " (skyforge)");
        assertThat(store.find(id + 1000)).isEmpty();
    }

    @Test
    void whatToAskPatreonForIsTheBestIdTheRowHas() {
        assertThat(store.find(insert("4815162", "skyforge", "90011223"))
                        .orElseThrow()
                        .creatorRef())
                .isEqualTo(new CreatorRef.CampaignId("4815162"));
        assertThat(store.find(insert(null, null, "88000001")).orElseThrow().creatorRef())
                .isEqualTo(new CreatorRef.UserId("88000001"));
    }

    @Test
    void aResolvedSourceGetsItsCampaignNameUrlAndVanity() {
        long id = insert(null, null, "90011223");

        Source resolved = store.recordResolved(id, skyforge());

        assertThat(resolved.id()).isEqualTo(id);
        assertThat(resolved.campaignId()).contains("4815162");
        assertThat(resolved.vanity()).contains("skyforge");
        assertThat(resolved.userId()).contains("90011223");
        SourcesRecord row = row(id);
        assertThat(row.getExternalId()).isEqualTo("4815162");
        assertThat(row.getName()).isEqualTo("Skyforge Studio");
        assertThat(row.getUrl()).isEqualTo("https://www.patreon.com/skyforge");
        assertThat(row.getVanity()).isEqualTo("skyforge");
        assertThat(row.getUpdatedAt().toInstant()).isEqualTo(NOW);
    }

    @Test
    void whatPatreonDidNotTellKeepsWhatTheRowHad() {
        long id = insert(null, "skyforge", null);
        db.update(SOURCES)
                .set(SOURCES.NAME, "Named by hand")
                .set(SOURCES.URL, "https://www.patreon.com/c/skyforge")
                .where(SOURCES.ID.eq(id))
                .execute();

        store.recordResolved(
                id, new ResolvedCreator("4815162", Optional.empty(), Optional.empty(), Optional.empty(), "test"));

        assertThat(row(id).getName()).isEqualTo("Named by hand");
        assertThat(row(id).getUrl()).isEqualTo("https://www.patreon.com/c/skyforge");
        assertThat(row(id).getVanity()).isEqualTo("skyforge");
    }

    @Test
    void aVanityAnotherUnresolvedRowHoldsStaysWithThatRow() {
        long byUser = insert(null, null, "90011223");
        long byVanity = insert(null, "skyforge", null);

        Source resolved = store.recordResolved(byUser, skyforge());

        assertThat(resolved.vanity()).isEmpty();
        assertThat(row(byVanity).getVanity()).isEqualTo("skyforge");
    }

    @Test
    void theSameCreatorEnqueuedByVanityAfterItsCampaignIdMergesIntoTheCampaignsRow() {
        long byCampaign = insert("4815162", null, null);
        long byVanity = insert(null, "skyforge", null);
        db.update(SOURCES)
                .set(SOURCES.MAX_VIDEO_DURATION_SECONDS, 900)
                .where(SOURCES.ID.eq(byVanity))
                .execute();

        Source kept = store.recordResolved(byVanity, skyforge());

        assertThat(kept.id()).isEqualTo(byCampaign);
        assertThat(kept.campaignId()).contains("4815162");
        assertThat(kept.vanity()).contains("skyforge");
        assertThat(kept.maxVideoDurationSeconds()).isEqualTo(900);
        assertThat(store.find(byVanity)).isEmpty();
        assertThat(db.fetchCount(SOURCES)).isEqualTo(1);
        assertThat(row(byCampaign).getName()).isEqualTo("Skyforge Studio");
    }

    @Test
    void twoUnresolvedRowsOfOneCreatorBecomeOneWhenTheSecondIsResolved() {
        long byVanity = insert(null, "skyforge", null);
        long byUser = insert(null, null, "90011223");
        db.update(SOURCES)
                .set(SOURCES.MAX_VIDEO_DURATION_SECONDS, 1200)
                .where(SOURCES.ID.eq(byUser))
                .execute();

        Source first = store.recordResolved(byVanity, skyforge());
        Source second = store.recordResolved(byUser, skyforge());

        assertThat(first.id()).isEqualTo(byVanity);
        assertThat(second.id()).isEqualTo(byVanity);
        assertThat(second.vanity()).contains("skyforge");
        assertThat(second.userId()).contains("90011223");
        assertThat(second.maxVideoDurationSeconds()).isEqualTo(1200);
        assertThat(db.fetchCount(SOURCES)).isEqualTo(1);
    }

    @Test
    void aMergeKeepsTheSettingsTheKeptRowAlreadyHad() {
        long byCampaign = insert("4815162", "skyforge", null);
        db.update(SOURCES)
                .set(SOURCES.MAX_VIDEO_DURATION_SECONDS, 300)
                .where(SOURCES.ID.eq(byCampaign))
                .execute();
        long byUser = insert(null, null, "90011223");
        db.update(SOURCES)
                .set(SOURCES.MAX_VIDEO_DURATION_SECONDS, 1200)
                .where(SOURCES.ID.eq(byUser))
                .execute();

        Source kept = store.recordResolved(byUser, skyforge());

        assertThat(kept.id()).isEqualTo(byCampaign);
        assertThat(kept.maxVideoDurationSeconds()).isEqualTo(300);
        assertThat(kept.userId()).contains("90011223");
    }

    @Test
    void aWorkingSourceIsActiveWithItsLastErrorCleared() {
        long id = insert("4815162", "skyforge", null);
        store.recordFailure(id, SourceStatus.blocked, "403 Cloudflare challenge");

        store.markActive(id);

        assertThat(row(id).getStatus()).isEqualTo(SourceStatus.active);
        assertThat(row(id).getLastError()).isNull();
    }

    @Test
    void aFailureThatIsTheSourcesStateIsOneLineOnTheRow() {
        long id = insert("4815162", "skyforge", null);

        store.recordFailure(id, SourceStatus.unauthorized, "401 Unauthorized for https://www.patreon.com/api/posts");

        assertThat(row(id).getStatus()).isEqualTo(SourceStatus.unauthorized);
        assertThat(row(id).getLastError()).isEqualTo("401 Unauthorized for https://www.patreon.com/api/posts");
        assertThat(row(id).getUpdatedAt().toInstant()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @EnumSource(
            value = SourceStatus.class,
            names = {"not_found", "unauthorized", "blocked"})
    void givingUpDoesNotHideTheFailureJustRecordedAsAPreciseState(SourceStatus status) {
        long id = insert("4815162", "skyforge", null);
        store.recordFailure(id, status, "the reason");

        store.recordGaveUp(id, "the reason");

        assertThat(row(id).getStatus()).isEqualTo(status);
        assertThat(row(id).getLastError()).isEqualTo("the reason");
    }

    @ParameterizedTest
    @EnumSource(
            value = SourceStatus.class,
            names = {"not_found", "unauthorized", "blocked"})
    void givingUpForAnotherReasonOverwritesAnEarlierState(SourceStatus status) {
        long id = insert("4815162", "skyforge", null);
        store.recordFailure(id, status, "an old reason");

        store.recordGaveUp(id, "gave up after 4 attempts: 500 Server Error");

        assertThat(row(id).getStatus()).isEqualTo(SourceStatus.failed);
        assertThat(row(id).getLastError()).isEqualTo("gave up after 4 attempts: 500 Server Error");
    }

    @ParameterizedTest
    @EnumSource(
            value = SourceStatus.class,
            names = {"pending", "active", "failed"})
    void givingUpFromAnyOtherStateIsAFailure(SourceStatus status) {
        long id = insert("4815162", "skyforge", null);
        db.update(SOURCES)
                .set(SOURCES.STATUS, status)
                .set(SOURCES.LAST_ERROR, "the reason")
                .where(SOURCES.ID.eq(id))
                .execute();

        store.recordGaveUp(id, "the reason");

        assertThat(row(id).getStatus()).isEqualTo(SourceStatus.failed);
        assertThat(row(id).getLastError()).isEqualTo("the reason");
    }

    @Test
    void givingUpOnABlockedSourceWithoutAnErrorRecordsTheReason() {
        long id = insert("4815162", "skyforge", null);
        db.update(SOURCES)
                .set(SOURCES.STATUS, SourceStatus.blocked)
                .where(SOURCES.ID.eq(id))
                .execute();

        store.recordGaveUp(id, "gave up after 4 attempts: 503 Server Error");

        assertThat(row(id).getStatus()).isEqualTo(SourceStatus.failed);
        assertThat(row(id).getLastError()).isEqualTo("gave up after 4 attempts: 503 Server Error");
    }

    @Test
    void theListingCheckpointIsSavedAndClearedWhenTheListingEnds() {
        long id = insert("4815162", "skyforge", null);

        store.saveSyncCursor(id, "https://www.patreon.com/api/posts?page%5Bcursor%5D=03%3Aabc");
        assertThat(store.find(id).orElseThrow().syncCursor())
                .contains("https://www.patreon.com/api/posts?page%5Bcursor%5D=03%3Aabc");
        assertThat(store.find(id).orElseThrow().lastSyncedAt()).isEmpty();

        Instant before = Instant.now();
        store.finishListing(id);

        Source finished = store.find(id).orElseThrow();
        assertThat(finished.syncCursor()).isEmpty();
        // The database's clock, which stamps posts.created_at too (phase 1 compares the two).
        assertThat(finished.lastSyncedAt())
                .hasValueSatisfying(at -> assertThat(at)
                        .isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5)));
    }

    @Test
    void aNullCursorClearsTheCheckpoint() {
        long id = insert("4815162", "skyforge", null);
        store.saveSyncCursor(id, "https://www.patreon.com/api/posts?page%5Bcursor%5D=03%3Aabc");

        store.saveSyncCursor(id, null);

        assertThat(store.find(id).orElseThrow().syncCursor()).isEmpty();
    }

    @Test
    void aCompleteCollectionsListingIsStampedWithoutTouchingPhase1sCheckpoint() {
        long id = insert("4815162", "skyforge", null);
        store.saveSyncCursor(id, "https://next");

        store.finishCollectionsListing(id);

        SourcesRecord row = row(id);
        assertThat(row.getCollectionsSyncedAt().toInstant()).isEqualTo(NOW);
        assertThat(row.getSyncCursor()).isEqualTo("https://next");
        assertThat(row.getLastSyncedAt()).isNull();
    }

    @Test
    void updatesOfOneSourceLeaveTheOthersAlone() {
        long one = insert("4815162", "skyforge", null);
        long other = insert("7700001", "nebula", null);

        store.recordFailure(one, SourceStatus.blocked, "blocked");
        store.saveSyncCursor(one, "https://next");
        store.finishListing(one);

        SourcesRecord untouched = row(other);
        assertThat(untouched.getStatus()).isEqualTo(SourceStatus.pending);
        assertThat(untouched.getLastError()).isNull();
        assertThat(untouched.getLastSyncedAt()).isNull();
    }

    static ResolvedCreator skyforge() {
        return new ResolvedCreator(
                "4815162",
                Optional.of("skyforge"),
                Optional.of("Skyforge Studio"),
                Optional.of("https://www.patreon.com/skyforge"),
                "test");
    }

    private long insert(String campaignId, String vanity, String userId) {
        return db.insertInto(SOURCES, SOURCES.EXTERNAL_ID, SOURCES.VANITY, SOURCES.USER_EXTERNAL_ID)
                .values(campaignId, vanity, userId)
                .returning(SOURCES.ID)
                .fetchSingle()
                .getId();
    }

    private SourcesRecord row(long id) {
        return db.selectFrom(SOURCES).where(SOURCES.ID.eq(id)).fetchSingle();
    }
}
