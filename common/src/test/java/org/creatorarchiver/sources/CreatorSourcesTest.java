package org.creatorarchiver.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.patreon.CreatorRef;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreatorSourcesTest {

    private DSLContext db;
    private CreatorSources sources;

    @BeforeEach
    void emptyDatabase() {
        db = TestDatabase.migrated();
        TestDatabase.truncateAll();
        sources = new CreatorSources(db);
    }

    @Test
    void aVanityBecomesAPendingSourceWithItsCanonicalUrl() {
        CreatorSources.Registration registration =
                sources.register(new CreatorRef.Vanity("skyforge"), "https://www.patreon.com/c/SkyForge");

        assertThat(registration.created()).isTrue();
        SourcesRecord row = row(registration.sourceId());
        assertThat(row.getPlatform()).isEqualTo("patreon");
        assertThat(row.getVanity()).isEqualTo("skyforge");
        assertThat(row.getExternalId()).isNull();
        assertThat(row.getUserExternalId()).isNull();
        assertThat(row.getUrl()).isEqualTo("https://www.patreon.com/skyforge");
        assertThat(row.getStatus()).isEqualTo(SourceStatus.pending);
    }

    @Test
    void aUserIdBecomesASourceWithItsUserUrl() {
        CreatorSources.Registration registration = sources.register(new CreatorRef.UserId("123456"), "user?u=123456");

        SourcesRecord row = row(registration.sourceId());
        assertThat(row.getUserExternalId()).isEqualTo("123456");
        assertThat(row.getVanity()).isNull();
        assertThat(row.getExternalId()).isNull();
        assertThat(row.getUrl()).isEqualTo("https://www.patreon.com/user?u=123456");
    }

    @Test
    void aCampaignIdBecomesASourceWhoseUrlTheResolverFillsIn() {
        CreatorSources.Registration registration = sources.register(new CreatorRef.CampaignId("791478"), "791478");

        SourcesRecord row = row(registration.sourceId());
        assertThat(row.getExternalId()).isEqualTo("791478");
        assertThat(row.getVanity()).isNull();
        assertThat(row.getUrl()).isNull();
    }

    @Test
    void registeringTheSameCreatorAgainFindsItsRow() {
        for (CreatorRef ref : List.of(
                new CreatorRef.Vanity("skyforge"),
                new CreatorRef.CampaignId("791478"),
                new CreatorRef.UserId("123456"))) {
            CreatorSources.Registration first = sources.register(ref, ref.value());
            CreatorSources.Registration second = sources.register(ref, ref.value());

            assertThat(second).isEqualTo(new CreatorSources.Registration(first.sourceId(), false));
        }
        assertThat(db.fetchCount(SOURCES)).isEqualTo(3);
    }

    @Test
    void aVanityFindsTheSourceAlreadyResolvedToItsCampaignWithoutTouchingIt() {
        long resolved = db.insertInto(SOURCES, SOURCES.VANITY, SOURCES.EXTERNAL_ID, SOURCES.URL, SOURCES.STATUS)
                .values("skyforge", "791478", "https://www.patreon.com/skyforge", SourceStatus.not_found)
                .returningResult(SOURCES.ID)
                .fetchOne(SOURCES.ID);

        CreatorSources.Registration registration = sources.register(new CreatorRef.Vanity("skyforge"), "skyforge");

        assertThat(registration).isEqualTo(new CreatorSources.Registration(resolved, false));
        assertThat(row(resolved).getStatus()).isEqualTo(SourceStatus.not_found);
        assertThat(db.fetchCount(SOURCES)).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsOfOneVanityMakeOneRow() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CreatorSources.Registration>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return sources.register(new CreatorRef.Vanity("skyforge"), "skyforge");
                }));
            }
            start.countDown();
            List<CreatorSources.Registration> registrations = new ArrayList<>();
            for (Future<CreatorSources.Registration> result : results) {
                registrations.add(result.get());
            }

            assertThat(db.fetchCount(SOURCES)).isEqualTo(1);
            assertThat(registrations)
                    .extracting(CreatorSources.Registration::sourceId)
                    .containsOnly(db.select(SOURCES.ID).from(SOURCES).fetchOne(SOURCES.ID));
            assertThat(registrations)
                    .filteredOn(CreatorSources.Registration::created)
                    .hasSize(1);
        }
    }

    private SourcesRecord row(long id) {
        return db.selectFrom(SOURCES).where(SOURCES.ID.eq(id)).fetchOne();
    }
}
