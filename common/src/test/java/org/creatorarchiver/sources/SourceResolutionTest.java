package org.creatorarchiver.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.time.Clock;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.http.FailureKind;
import org.creatorarchiver.http.HttpClients;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.patreon.creator.CampaignResolver;
import org.creatorarchiver.patreon.creator.CreatorNotFoundException;
import org.creatorarchiver.testing.SettableClock;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A source gets its campaign id from Patreon once, whichever phase meets it first. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceResolutionTest {

    private FakePatreon patreon;
    private HttpClients clients;
    private DSLContext db;
    private SourceStore store;
    private SourceResolution resolution;

    @BeforeAll
    void start() {
        TestServices.flushRedis();
        patreon = FakePatreon.start();
        patreon.addCreator("skyforge", "4815162", "90011223");
        clients = HttpClients.create(patreon.clientSettings(), TestServices.redisson(), Clock.systemUTC());
        db = TestDatabase.migrated();
        store = new SourceStore(db, SettableClock.at("2026-07-01T10:00:00Z"));
        resolution = new SourceResolution(store, new CampaignResolver(new PatreonApi(clients.patreon())));
    }

    @AfterAll
    void stop() {
        clients.close();
        patreon.close();
    }

    @BeforeEach
    void cleanSlate() {
        TestDatabase.truncateAll();
        patreon.refuse(FakePatreon.Refusal.NONE);
        patreon.clearRequests();
    }

    @Test
    void aVanitySourceIsResolvedAndRecorded() throws Exception {
        long id = insert(null, "skyforge", null);

        Source source = resolution.resolved(store.find(id).orElseThrow());

        assertThat(source.id()).isEqualTo(id);
        assertThat(source.campaignId()).contains("4815162");
        assertThat(row(id).getExternalId()).isEqualTo("4815162");
        assertThat(row(id).getName()).isEqualTo("skyforge studio");
    }

    @Test
    void aUserIdSourceIsResolvedAndGetsTheVanity() throws Exception {
        long id = insert(null, null, "90011223");

        Source source = resolution.resolved(store.find(id).orElseThrow());

        assertThat(source.campaignId()).contains("4815162");
        assertThat(source.vanity()).contains("skyforge");
    }

    @Test
    void aSourceEnqueuedByCampaignIdAsksTheCampaignApiOnceForItsNameAndVanity() throws Exception {
        long id = insert("4815162", null, null);

        Source source = resolution.resolved(store.find(id).orElseThrow());

        assertThat(source.campaignId()).contains("4815162");
        assertThat(source.vanity()).contains("skyforge");
        assertThat(source.name()).isPresent();
        assertThat(patreon.requests())
                .extracting(r -> r.getUrl().encodedPath())
                .containsExactly("/api/campaigns/4815162");

        patreon.clearRequests();
        resolution.resolved(store.find(id).orElseThrow());
        assertThat(patreon.requests())
                .as("known now: Patreon is not asked again")
                .isEmpty();
    }

    @Test
    void aSecondSourceOfTheSameCreatorIsMergedIntoTheFirst() throws Exception {
        long byCampaign = insert("4815162", null, null);
        long byVanity = insert(null, "skyforge", null);

        Source source = resolution.resolved(store.find(byVanity).orElseThrow());

        assertThat(source.id()).isEqualTo(byCampaign);
        assertThat(source.vanity()).contains("skyforge");
        assertThat(store.find(byVanity)).isEmpty();
    }

    @Test
    void aCreatorPatreonDoesNotKnowIsRecordedAsNotFoundWithTheReason() {
        long id = insert(null, "nobodyhere", null);

        assertThatThrownBy(() -> resolution.resolved(store.find(id).orElseThrow()))
                .isInstanceOf(CreatorNotFoundException.class)
                .hasMessageStartingWith("no Patreon creator named 'nobodyhere'");

        SourcesRecord row = row(id);
        assertThat(row.getStatus()).isEqualTo(SourceStatus.not_found);
        assertThat(row.getLastError()).startsWith("no Patreon creator named 'nobodyhere'");
        assertThat(row.getExternalId()).isNull();
    }

    @Test
    void aRefusalIsLeftToTheCallerWithTheRowUntouched() {
        long id = insert(null, "skyforge", null);
        patreon.refuse(FakePatreon.Refusal.CLOUDFLARE);

        assertThatThrownBy(() -> resolution.resolved(store.find(id).orElseThrow()))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(FailureKind.CLOUDFLARE_CHALLENGE));

        assertThat(row(id).getStatus()).isEqualTo(SourceStatus.pending);
        assertThat(row(id).getExternalId()).isNull();
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
