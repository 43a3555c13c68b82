package org.creatorarchiver.phase3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.creatorarchiver.db.generated.Tables.COLLECTIONS;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.jobs.JobTypes.SyncCollections;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.creator.CreatorNotFoundException;
import org.creatorarchiver.queue.Job;
import org.creatorarchiver.queue.JobFailure;
import org.creatorarchiver.queue.QueueCounts;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.queue.RetryPolicy;
import org.creatorarchiver.testing.patreon.FakeCreator;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.creatorarchiver.testing.patreon.PatreonSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What phase 3 does when Patreon refuses, fails or answers garbage: as phase 1 does, and never half a listing. */
class CollectionFailuresTest {

    private static final RetryPolicy FAST_RETRIES = RetryPolicy.exponential(3, Duration.ofMillis(50));

    private final Phase3Harness phase3 = new Phase3Harness();
    private final FakePatreon patreon = phase3.patreon;

    @AfterEach
    void close() {
        phase3.close();
    }

    private void awaitQueueEmpty() {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            QueueCounts counts = phase3.queue.counts(Queues.PHASE3);
            return counts.ready() + counts.delayed() + counts.processing() == 0;
        });
    }

    @Test
    void malformedJsonFailsTheJobNamingTheUrlIsRetriedThenDeadLetteredAndNothingOfTheListingIsWritten()
            throws Exception {
        patreon.collectionPageSize(1);
        FakeCreator creator = phase3.skyforge();
        long sourceId = phase3.sourceByVanity("skyforge");
        phase3.sync(sourceId);
        Map<String, String> before = phase3.rowVersions();
        // Page 1 now has a change, page 3 a new collection, and page 2 is cut off on every attempt.
        creator.collection("15764301").retitle("Behind the Scenes, season 2");
        creator.addCollection("15764399", "Livestreams", "", "150000005");
        for (int attempt = 0; attempt < 4; attempt++) {
            patreon.script(FakePatreon.collectionsPage(2, 1), FakePatreon.truncatedJson());
        }
        phase3.startWorker(FAST_RETRIES);

        phase3.queue.enqueue(JobTypes.SYNC_COLLECTIONS, new SyncCollections(sourceId));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> phase3.queue.counts(Queues.PHASE3).dead() == 1);

        List<Job> dead = phase3.queue.deadJobs(Queues.PHASE3, 10);
        assertThat(dead.get(0).lastError())
                .contains("/api/collection")
                .contains("page%5Bcursor%5D")
                .contains("not JSON");
        SourcesRecord source = phase3.source(sourceId);
        assertThat(source.getStatus()).isEqualTo(SourceStatus.failed);
        assertThat(source.getLastError()).contains("gave up after 4 attempts").contains("not JSON");
        assertThat(phase3.rowVersions()).as("not even page 1's change").isEqualTo(before);
        assertThat(patreon.requests().stream()
                        .filter(FakePatreon.collectionsPage(2, 1))
                        .count())
                .isEqualTo(1 + 4);
    }

    @Test
    void aMalformedCollectionPageFailsTheJobNamingThatPage() throws Exception {
        phase3.skyforge().collection("15764302").omitPostIdsFromList();
        long sourceId = phase3.resolvedSource("4815162");
        patreon.script(
                FakePatreon.collectionPage("15764302"),
                FakePatreon.json(
                        200,
                        "{\"data\": {\"id\": \"15764302\", \"type\": \"collection\", \"attributes\": {\"post_ids\": [\"one\"]}}}"));

        assertThatThrownBy(() -> phase3.sync(sourceId))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("/api/collection/15764302")
                .hasMessageContaining("\"one\"");

        assertThat(phase3.db.fetchCount(COLLECTIONS))
                .as("not even the collection before it")
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(
            value = FakePatreon.Refusal.class,
            names = {"UNAUTHORIZED", "UPGRADE_REQUIRED", "CLOUDFLARE"})
    void refusalsAreOneLineOnTheSourceAndAreNotRetried(FakePatreon.Refusal refusal) {
        phase3.skyforge();
        long sourceId = phase3.resolvedSource("4815162");
        patreon.refuse(refusal);
        phase3.startWorker(FAST_RETRIES);

        phase3.queue.enqueue(JobTypes.SYNC_COLLECTIONS, new SyncCollections(sourceId));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> phase3.source(sourceId).getLastError() != null);
        awaitQueueEmpty();
        sleep(Duration.ofMillis(300)); // time for a retry that must not happen

        SourcesRecord source = phase3.source(sourceId);
        SourceStatus expected =
                refusal == FakePatreon.Refusal.UNAUTHORIZED ? SourceStatus.unauthorized : SourceStatus.blocked;
        assertThat(source.getStatus()).isEqualTo(expected);
        assertThat(source.getLastError()).doesNotContain("\n").doesNotContain(Phase3Harness.SESSION_ID);
        assertThat(source.getLastError())
                .contains(
                        switch (refusal) {
                            case UNAUTHORIZED -> "PATREON_SESSION_ID";
                            case UPGRADE_REQUIRED -> "user_agent";
                            default -> "Cloudflare";
                        });
        assertThat(phase3.queue.counts(Queues.PHASE3).dead()).isZero();
        assertThat(patreon.requests()).hasSize(1);
        assertThat(patreon.requests("/api/collection")).hasSize(1);
        assertThat(phase3.db.fetchCount(COLLECTIONS)).isZero();
    }

    @Test
    void aRefusalOfACollectionsOwnPageIsTheSourcesStateToo() {
        phase3.skyforge().collection("15764301").omitPostIdsFromList();
        long sourceId = phase3.resolvedSource("4815162");
        patreon.script(
                FakePatreon.collectionPage("15764301"), FakePatreon.json(401, PatreonSamples.text("error-401.json")));

        assertThatThrownBy(() -> phase3.sync(sourceId))
                .isInstanceOfSatisfying(
                        JobFailure.class,
                        failure -> assertThat(failure.outcome()).isEqualTo(JobFailure.PERMANENT));

        assertThat(phase3.source(sourceId).getStatus()).isEqualTo(SourceStatus.unauthorized);
        assertThat(phase3.source(sourceId).getLastError()).contains("/api/collection/15764301");
        assertThat(phase3.db.fetchCount(COLLECTIONS)).isZero();
    }

    @Test
    void aGoodSyncClearsAnEarlierRefusal() throws Exception {
        phase3.skyforge();
        long sourceId = phase3.resolvedSource("4815162");
        patreon.refuse(FakePatreon.Refusal.CLOUDFLARE);
        assertThatThrownBy(() -> phase3.sync(sourceId))
                .isInstanceOfSatisfying(
                        JobFailure.class,
                        failure -> assertThat(failure.outcome()).isEqualTo(JobFailure.PERMANENT));
        assertThat(phase3.source(sourceId).getStatus()).isEqualTo(SourceStatus.blocked);
        patreon.refuse(FakePatreon.Refusal.NONE);

        phase3.sync(sourceId);

        assertThat(phase3.source(sourceId).getStatus()).isEqualTo(SourceStatus.active);
        assertThat(phase3.source(sourceId).getLastError()).isNull();
        assertThat(phase3.memberships()).hasSize(2);
    }

    @Test
    void aServerErrorIsRetriedByTheQueueAndTheRetryStoresEverything() {
        phase3.skyforge();
        long sourceId = phase3.resolvedSource("4815162");
        // Two 500s outlast the client's one short retry: the first job attempt fails.
        patreon.script(FakePatreon.collectionsPage(1, 20), FakePatreon.serverError())
                .script(FakePatreon.collectionsPage(1, 20), FakePatreon.serverError());
        phase3.startWorker(FAST_RETRIES);

        phase3.queue.enqueue(JobTypes.SYNC_COLLECTIONS, new SyncCollections(sourceId));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> phase3.source(sourceId).getCollectionsSyncedAt() != null);

        assertThat(phase3.memberships().get("15764301")).containsExactly("150000004", "150000002", "150000001");
        assertThat(patreon.requests("/api/collection")).hasSize(3);
        assertThat(phase3.source(sourceId).getStatus()).isEqualTo(SourceStatus.active);
    }

    @Test
    void anUnknownCreatorIsNotFoundWithTheReason() {
        long sourceId = phase3.sourceByVanity("nobody-here");

        assertThatThrownBy(() -> phase3.sync(sourceId)).isInstanceOf(CreatorNotFoundException.class);

        assertThat(phase3.source(sourceId).getStatus()).isEqualTo(SourceStatus.not_found);
        assertThat(phase3.source(sourceId).getLastError()).contains("nobody-here");
        assertThat(patreon.requests("/api/collection")).isEmpty();
    }

    @Test
    void aSourceMergedAwayMeansNothingToDo() throws Exception {
        phase3.sync(987654L);

        assertThat(patreon.requests()).isEmpty();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
