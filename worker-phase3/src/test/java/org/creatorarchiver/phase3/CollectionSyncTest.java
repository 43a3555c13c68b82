package org.creatorarchiver.phase3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.creatorarchiver.db.generated.Tables.COLLECTION_POSTS;
import static org.creatorarchiver.db.generated.Tables.POSTS;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import mockwebserver3.RecordedRequest;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.tables.records.CollectionsRecord;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.testing.patreon.FakeCreator;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.creatorarchiver.testing.patreon.PatreonSamples;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Phase 3 against a creator's collections as Patreon shows them: what is stored, and what a re-sync changes. */
class CollectionSyncTest {

    private static final String BEHIND_THE_SCENES = "15764301";
    private static final String PODCAST = "15764302";
    private static final String CONCEPT_ART = "15764303";

    private final Phase3Harness phase3 = new Phase3Harness();
    private final FakePatreon patreon = phase3.patreon;

    @AfterEach
    void close() {
        phase3.close();
    }

    /** The sample collections and one more that shares post 150000002 with "Behind the Scenes". */
    private FakeCreator skyforgeWithOverlap() {
        FakeCreator creator = phase3.skyforge();
        creator.addCollection(CONCEPT_ART, "Concept art", "Sketches and boards.", "150000002", "150000000");
        return creator;
    }

    private long countRequests(Predicate<RecordedRequest> matching) {
        return patreon.requests().stream().filter(matching).count();
    }

    @Test
    void eachCollectionIsStoredWithItsPostsInOrderAndAPostMayBeInTwoCollections() throws Exception {
        skyforgeWithOverlap();
        long sourceId = phase3.sourceByVanity("skyforge");

        phase3.sync(sourceId);

        assertThat(phase3.memberships())
                .containsExactly(
                        entry(BEHIND_THE_SCENES, List.of("150000004", "150000002", "150000001")),
                        entry(PODCAST, List.of("150000003")),
                        entry(CONCEPT_ART, List.of("150000002", "150000000")));
        assertThat(phase3.positions(BEHIND_THE_SCENES)).containsExactly(0, 1, 2);
        CollectionsRecord collection = phase3.collection(BEHIND_THE_SCENES);
        assertThat(collection.getSourceId()).isEqualTo(sourceId);
        assertThat(collection.getTitle()).isEqualTo("Behind the Scenes");
        assertThat(collection.getDescription()).isEqualTo("Process videos and making-of posts.");
        assertThat(collection.getNumPosts()).isEqualTo(3);
        assertThat(collection.getThumbnailUrl())
                .contains("/p/campaign/4815162/")
                .contains("token-hash=");
        assertThat(collection.getEditedAt().toInstant()).isEqualTo(Instant.parse("2026-05-02T09:14:55.312Z"));
        assertThat(phase3.collection(PODCAST).getDescription()).isEmpty();
        SourcesRecord source = phase3.source(sourceId);
        assertThat(source.getExternalId()).as("resolved by phase 3").isEqualTo("4815162");
        assertThat(source.getStatus()).isEqualTo(SourceStatus.active);
        assertThat(source.getCollectionsSyncedAt().toInstant()).isEqualTo(phase3.clock.instant());
        assertThat(patreon.requests("/api/collection"))
                .as("the list named every post")
                .hasSize(1);
        assertThat(patreon.requests("/api/posts")).isEmpty();
    }

    @Test
    void aCollectionThatChangesOrderAndLosesAPostIsRewrittenAndTheOthersAreLeftAlone() throws Exception {
        FakeCreator creator = skyforgeWithOverlap();
        long sourceId = phase3.sourceByVanity("skyforge");
        phase3.sync(sourceId);
        Map<String, String> before = phase3.rowVersions();
        OffsetDateTime joinedBefore = membershipCreatedAt(BEHIND_THE_SCENES, "150000001");
        creator.collection(BEHIND_THE_SCENES).reorder("150000001", "150000004");
        phase3.clock.advance(Duration.ofHours(1));

        phase3.sync(sourceId);

        assertThat(phase3.memberships())
                .containsExactly(
                        entry(BEHIND_THE_SCENES, List.of("150000001", "150000004")),
                        entry(PODCAST, List.of("150000003")),
                        entry(CONCEPT_ART, List.of("150000002", "150000000")));
        assertThat(phase3.positions(BEHIND_THE_SCENES)).containsExactly(0, 1);
        CollectionsRecord changed = phase3.collection(BEHIND_THE_SCENES);
        assertThat(changed.getNumPosts()).isEqualTo(2);
        assertThat(changed.getUpdatedAt().toInstant()).isEqualTo(phase3.clock.instant());
        assertThat(membershipCreatedAt(BEHIND_THE_SCENES, "150000001"))
                .as("a post that stays keeps its row")
                .isEqualTo(joinedBefore);
        Map<String, String> after = phase3.rowVersions();
        for (String untouched : List.of(
                "collection " + PODCAST,
                "membership " + PODCAST + "/150000003",
                "collection " + CONCEPT_ART,
                "membership " + CONCEPT_ART + "/150000002")) {
            assertThat(after.get(untouched)).as(untouched).isEqualTo(before.get(untouched));
        }
    }

    @Test
    void phase3BeforePhase1StoresMembershipAndTheViewShowsEachPostOnceItIsStored() throws Exception {
        phase3.skyforge();
        long sourceId = phase3.sourceByVanity("skyforge");

        phase3.sync(sourceId);

        assertThat(phase3.db.fetchCount(POSTS)).isZero();
        assertThat(phase3.resolved(BEHIND_THE_SCENES))
                .extracting(row -> row.get("post_external_id"), row -> row.get("post_id"))
                .containsExactly(tuple("150000004", null), tuple("150000002", null), tuple("150000001", null));

        long extendedCut = phase3.insertPost(sourceId, "150000004", "Episode 12 — extended cut (patrons)");
        long concepts = phase3.insertPost(sourceId, "150000002", "Ship concepts + project files");
        long otherSource = phase3.resolvedSource("999");
        phase3.insertPost(otherSource, "150000001", "Another creator's post with the same id");

        List<Record> resolved = phase3.resolved(BEHIND_THE_SCENES);
        assertThat(resolved).extracting(row -> row.get("position")).containsExactly(0, 1, 2);
        assertThat(resolved.get(0).get("post_id")).isEqualTo(extendedCut);
        assertThat(resolved.get(0).get("post_title")).isEqualTo("Episode 12 — extended cut (patrons)");
        assertThat(resolved.get(0).get("post_url")).isEqualTo("https://www.patreon.com/posts/150000004");
        assertThat(resolved.get(1).get("post_id")).isEqualTo(concepts);
        assertThat(resolved.get(2).get("post_id"))
                .as("another source's post is not this one")
                .isNull();
    }

    @Test
    void aCollectionListSpanningTwoPagesIsFollowedByItsNextLink() throws Exception {
        patreon.collectionPageSize(2);
        skyforgeWithOverlap();
        long sourceId = phase3.sourceByVanity("skyforge");

        phase3.sync(sourceId);

        assertThat(phase3.memberships()).containsOnlyKeys(BEHIND_THE_SCENES, PODCAST, CONCEPT_ART);
        assertThat(phase3.memberships().get(CONCEPT_ART)).containsExactly("150000002", "150000000");
        assertThat(countRequests(FakePatreon.collectionsPage(1, 2))).isEqualTo(1);
        assertThat(countRequests(FakePatreon.collectionsPage(2, 2))).isEqualTo(1);
        assertThat(patreon.requests("/api/collection")).hasSize(2);
    }

    @Test
    void reRunningWithNothingChangedWritesNoCollectionOrMembershipRow() throws Exception {
        skyforgeWithOverlap();
        long sourceId = phase3.sourceByVanity("skyforge");
        phase3.sync(sourceId);
        Map<String, String> before = phase3.rowVersions();
        phase3.clock.advance(Duration.ofHours(6));

        phase3.sync(sourceId);

        assertThat(before).hasSize(3 + 6);
        assertThat(phase3.rowVersions()).isEqualTo(before);
        assertThat(phase3.source(sourceId).getCollectionsSyncedAt().toInstant())
                .as("the one write: when the collections were last checked")
                .isEqualTo(phase3.clock.instant());
    }

    @Test
    void aListWithoutPostIdsTakesThemFromTheCollectionsOwnPage() throws Exception {
        phase3.skyforge().collection(BEHIND_THE_SCENES).omitPostIdsFromList();
        long sourceId = phase3.sourceByVanity("skyforge");

        phase3.sync(sourceId);

        assertThat(phase3.memberships().get(BEHIND_THE_SCENES)).containsExactly("150000004", "150000002", "150000001");
        assertThat(countRequests(FakePatreon.collectionPage(BEHIND_THE_SCENES))).isEqualTo(1);
        assertThat(countRequests(FakePatreon.collectionPage(PODCAST)))
                .as("its list entry named its post")
                .isZero();
        assertThat(patreon.requests("/api/posts")).isEmpty();
    }

    @Test
    void withoutPostIdsAnywhereTheCollectionsPostsAreListedInCollectionOrderAcrossPages() throws Exception {
        patreon.pageSize(2);
        phase3.skyforge().collection(BEHIND_THE_SCENES).omitPostIds();
        long sourceId = phase3.sourceByVanity("skyforge");

        phase3.sync(sourceId);

        assertThat(phase3.memberships().get(BEHIND_THE_SCENES)).containsExactly("150000004", "150000002", "150000001");
        assertThat(phase3.collection(BEHIND_THE_SCENES).getNumPosts()).isEqualTo(3);
        assertThat(countRequests(FakePatreon.collectionPosts(BEHIND_THE_SCENES)))
                .as("3 posts, 2 a page")
                .isEqualTo(2);
        assertThat(patreon.requests("/api/posts"))
                .allSatisfy(request ->
                        assertThat(request.getUrl().queryParameter("sort")).isEqualTo("collection_order"));
    }

    @Test
    void postIdsShorterThanNumPostsFallBackToThePostsListing() throws Exception {
        phase3.skyforge().collection(BEHIND_THE_SCENES).truncatePostIds(2);
        long sourceId = phase3.sourceByVanity("skyforge");

        phase3.sync(sourceId);

        assertThat(phase3.memberships().get(BEHIND_THE_SCENES)).containsExactly("150000004", "150000002", "150000001");
        assertThat(countRequests(FakePatreon.collectionPage(BEHIND_THE_SCENES))).isEqualTo(1);
        assertThat(countRequests(FakePatreon.collectionPosts(BEHIND_THE_SCENES)))
                .isEqualTo(1);
    }

    @Test
    void aCollectionDeletedOnPatreonIsRemovedWithItsMembership() throws Exception {
        FakeCreator creator = skyforgeWithOverlap();
        long sourceId = phase3.sourceByVanity("skyforge");
        phase3.sync(sourceId);
        creator.deleteCollection(BEHIND_THE_SCENES);

        phase3.sync(sourceId);

        assertThat(phase3.memberships())
                .containsExactly(
                        entry(PODCAST, List.of("150000003")), entry(CONCEPT_ART, List.of("150000002", "150000000")));
        assertThat(phase3.db.fetchCount(COLLECTION_POSTS)).isEqualTo(3);
    }

    @Test
    void aCollectionThatVanishesBetweenTheListAndItsPostsIsLeftOut() throws Exception {
        FakeCreator creator = phase3.skyforge();
        creator.collection(PODCAST).omitPostIds();
        long sourceId = phase3.sourceByVanity("skyforge");
        phase3.sync(sourceId);
        assertThat(phase3.memberships()).containsKey(PODCAST);
        patreon.script(
                        FakePatreon.collectionPage(PODCAST),
                        FakePatreon.json(404, PatreonSamples.text("error-404.json")))
                .script(
                        FakePatreon.collectionPosts(PODCAST),
                        FakePatreon.json(404, PatreonSamples.text("error-404.json")));

        phase3.sync(sourceId);

        assertThat(phase3.memberships()).containsOnlyKeys(BEHIND_THE_SCENES);
        assertThat(phase3.source(sourceId).getStatus())
                .as("a collection's 404 is not the creator's")
                .isEqualTo(SourceStatus.active);
    }

    @Test
    void twoJobsOfOneSourceAtOnceBothSucceedAndStoreEachRowOnce() throws Exception {
        skyforgeWithOverlap();
        long sourceId = phase3.resolvedSource("4815162");
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Void> job = () -> {
            start.await();
            phase3.sync(sourceId);
            return null;
        };

        try (ExecutorService workers = Executors.newFixedThreadPool(2)) {
            List<Future<Void>> running = List.of(workers.submit(job), workers.submit(job));
            for (Future<Void> finished : running) {
                finished.get();
            }
        }

        assertThat(phase3.memberships())
                .containsExactly(
                        entry(BEHIND_THE_SCENES, List.of("150000004", "150000002", "150000001")),
                        entry(PODCAST, List.of("150000003")),
                        entry(CONCEPT_ART, List.of("150000002", "150000000")));
    }

    private OffsetDateTime membershipCreatedAt(String collection, String post) {
        return phase3.db.resultQuery("""
                select cp.created_at from collection_posts cp join collections c on c.id = cp.collection_id
                 where c.external_id = ? and cp.post_external_id = ?""", collection, post).fetchSingle(0, OffsetDateTime.class);
    }
}
