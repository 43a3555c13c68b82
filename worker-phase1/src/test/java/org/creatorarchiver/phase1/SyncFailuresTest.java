package org.creatorarchiver.phase1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.RecordedRequest;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.jobs.JobTypes.SyncCreator;
import org.creatorarchiver.patreon.creator.CreatorNotFoundException;
import org.creatorarchiver.queue.Job;
import org.creatorarchiver.queue.JobFailure;
import org.creatorarchiver.queue.QueueCounts;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.queue.RetryPolicy;
import org.creatorarchiver.testing.patreon.FakeCreator;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What phase 1 does when Patreon refuses, fails, answers garbage, or a job dies half-way. */
class SyncFailuresTest {

    private static final RetryPolicy FAST_RETRIES = RetryPolicy.exponential(3, Duration.ofMillis(50));

    private final Phase1Harness phase1 = new Phase1Harness();
    private final FakePatreon patreon = phase1.patreon;

    @AfterEach
    void close() {
        phase1.close();
    }

    private FakeCreator threePageCreator() {
        return patreon.pageSize(20)
                .addCreator("skyforge", "4815162", "90011223")
                .addPosts(45);
    }

    private SourcesRecord awaitListed(long sourceId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> phase1.source(sourceId).getLastSyncedAt() != null);
        return phase1.source(sourceId);
    }

    private void awaitQueuesEmpty() {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            QueueCounts counts = phase1.queue.counts(Queues.PHASE1);
            return counts.ready() + counts.delayed() + counts.processing() == 0;
        });
    }

    @Test
    void aFailureAfterPage2IsRetriedFromTheCheckpointWithoutDuplicates() throws Exception {
        FakeCreator creator = threePageCreator();
        long sourceId = phase1.sourceByVanity("skyforge");
        // Page 3 fails past the client's short retry (1): the job attempt fails after pages 1 and 2 were stored.
        patreon.script(FakePatreon.postsPage(3, 20), FakePatreon.serverError())
                .script(FakePatreon.postsPage(3, 20), FakePatreon.serverError());
        phase1.startWorker(FAST_RETRIES);

        phase1.queue.enqueue(JobTypes.SYNC_CREATOR, new SyncCreator(sourceId, false));
        awaitListed(sourceId);

        assertThat(phase1.posts()).hasSize(45);
        List<Long> jobs = phase1.phase2Jobs();
        assertThat(jobs).hasSize(45);
        assertThat(new HashSet<>(jobs)).hasSize(45);
        // The retry went on at page 3 (the checkpoint), then looked at the top for posts published meanwhile.
        assertThat(patreon.postsPagesRequested()).containsExactly(1, 2, 3, 3, 3, 1);
        assertThat(phase1.source(sourceId).getSyncCursor()).isNull();
        assertThat(creator.postCount()).isEqualTo(45);
    }

    @Test
    void anExpiredNextLinkRestartsFromTheTopAndStopsAtPostsOfTheLastCompleteListing() throws Exception {
        FakeCreator creator = threePageCreator();
        long sourceId = phase1.sourceByVanity("skyforge");
        phase1.sync(sourceId, false);
        phase1.clearPhase2Jobs();
        creator.addPosts(25);
        // The re-sync stores page 1, then page 2 fails and the job attempt ends with its checkpoint at page 2.
        patreon.script(FakePatreon.postsPage(2, 20), FakePatreon.serverError())
                .script(FakePatreon.postsPage(2, 20), FakePatreon.serverError());
        assertThatThrownBy(() -> phase1.sync(sourceId, false)).isNotNull();
        assertThat(phase1.source(sourceId).getSyncCursor()).contains("page%5Bcursor%5D");
        patreon.expireCursors();
        patreon.clearRequests();

        phase1.sync(sourceId, false);

        // 2 (refused cursor), then 1 (stored by the failed attempt: not proof), 2 (5 new), 3 (known before).
        assertThat(patreon.postsPagesRequested()).containsExactly(2, 1, 2, 3);
        List<Long> newIds = creator.postIds().subList(45, 70).stream()
                .map(id -> phase1.post(id).getId())
                .toList();
        assertThat(phase1.phase2Jobs()).containsExactlyInAnyOrderElementsOf(newIds);
        assertThat(phase1.posts()).hasSize(70);
        assertThat(phase1.source(sourceId).getSyncCursor()).isNull();
    }

    @Test
    void a429WithRetryAfter2IsWaitedOutThenTheListingFinishes() throws Exception {
        threePageCreator();
        long sourceId = phase1.sourceByVanity("skyforge");
        patreon.script(FakePatreon.postsPage(2, 20), FakePatreon.tooManyRequests(2));
        phase1.startWorker(FAST_RETRIES);

        phase1.queue.enqueue(JobTypes.SYNC_CREATOR, new SyncCreator(sourceId, false));
        awaitListed(sourceId);

        List<RecordedRequest> page2 = patreon.requests("/api/posts").stream()
                .filter(FakePatreon.postsPage(2, 20))
                .toList();
        assertThat(page2).hasSize(2);
        Duration waited = Duration.between(patreon.arrivedAt(page2.get(0)), patreon.arrivedAt(page2.get(1)));
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1950));
        assertThat(phase1.posts()).hasSize(45);
        assertThat(phase1.phase2Jobs()).hasSize(45);
    }

    @ParameterizedTest
    @EnumSource(
            value = FakePatreon.Refusal.class,
            names = {"UNAUTHORIZED", "UPGRADE_REQUIRED", "CLOUDFLARE"})
    void refusalsAreOneLineOnTheSourceAndAreNotRetried(FakePatreon.Refusal refusal) throws Exception {
        threePageCreator();
        long sourceId = phase1.sourceByVanity("skyforge");
        patreon.refuse(refusal);
        phase1.startWorker(FAST_RETRIES);

        phase1.queue.enqueue(JobTypes.SYNC_CREATOR, new SyncCreator(sourceId, false));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> phase1.source(sourceId).getLastError() != null);
        awaitQueuesEmpty();
        Thread.sleep(300); // time for a retry that must not happen

        SourcesRecord source = phase1.source(sourceId);
        SourceStatus expected =
                refusal == FakePatreon.Refusal.UNAUTHORIZED ? SourceStatus.unauthorized : SourceStatus.blocked;
        assertThat(source.getStatus()).isEqualTo(expected);
        assertThat(source.getLastError()).doesNotContain("\n").doesNotContain(Phase1Harness.SESSION_ID);
        assertThat(source.getLastError())
                .contains(
                        switch (refusal) {
                            case UNAUTHORIZED -> "PATREON_SESSION_ID";
                            case UPGRADE_REQUIRED -> "user_agent";
                            default -> "Cloudflare";
                        });
        assertThat(phase1.queue.counts(Queues.PHASE1).dead()).isZero();
        assertThat(patreon.requests()).hasSize(1);
        assertThat(phase1.posts()).isEmpty();
    }

    @Test
    void malformedJsonFailsTheJobNamingTheUrlIsRetriedThenDeadLetteredAndTheBadPageWritesNothing() throws Exception {
        threePageCreator();
        long sourceId = phase1.sourceByVanity("skyforge");
        for (int attempt = 0; attempt < 4; attempt++) {
            patreon.script(FakePatreon.postsPage(2, 20), FakePatreon.truncatedJson());
        }
        phase1.startWorker(FAST_RETRIES);

        phase1.queue.enqueue(JobTypes.SYNC_CREATOR, new SyncCreator(sourceId, false));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> phase1.queue.counts(Queues.PHASE1).dead() == 1);

        List<Job> dead = phase1.queue.deadJobs(Queues.PHASE1, 10);
        assertThat(dead.get(0).lastError())
                .contains("/api/posts")
                .contains("page%5Bcursor%5D")
                .contains("not JSON");
        SourcesRecord source = phase1.source(sourceId);
        assertThat(source.getStatus()).isEqualTo(SourceStatus.failed);
        assertThat(source.getLastError()).contains("gave up after 4 attempts").contains("not JSON");
        assertThat(phase1.posts())
                .as("page 1 only: nothing of the malformed page")
                .hasSize(20);
        assertThat(phase1.phase2Jobs()).hasSize(20);
        assertThat(patreon.postsPagesRequested()).containsExactly(1, 2, 2, 2, 2);
    }

    @Test
    void anUnknownCreatorIsNotFoundWithTheReason() {
        long sourceId = phase1.sourceByVanity("nobody-here");

        assertThatThrownBy(() -> phase1.sync(sourceId, false)).isInstanceOf(CreatorNotFoundException.class);

        SourcesRecord source = phase1.source(sourceId);
        assertThat(source.getStatus()).isEqualTo(SourceStatus.not_found);
        assertThat(source.getLastError()).contains("nobody-here").contains("404");
        assertThat(phase1.posts()).isEmpty();
    }

    @Test
    void aGoodSyncClearsAnEarlierRefusal() throws Exception {
        threePageCreator();
        long sourceId = phase1.sourceByVanity("skyforge");
        patreon.refuse(FakePatreon.Refusal.UNAUTHORIZED);
        assertThatThrownBy(() -> phase1.sync(sourceId, false))
                .isInstanceOfSatisfying(
                        JobFailure.class,
                        failure -> assertThat(failure.outcome()).isEqualTo(JobFailure.PERMANENT));
        assertThat(phase1.source(sourceId).getStatus()).isEqualTo(SourceStatus.unauthorized);
        patreon.refuse(FakePatreon.Refusal.NONE);

        phase1.sync(sourceId, false);

        assertThat(phase1.source(sourceId).getStatus()).isEqualTo(SourceStatus.active);
        assertThat(phase1.source(sourceId).getLastError()).isNull();
    }

    @Test
    void aSourceMergedAwayMeansNothingToDo() throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            phase1.sync(987654L, false);
        } catch (Exception e) {
            failure.set(e);
        }
        assertThat(failure.get()).isNull();
        assertThat(patreon.requests()).isEmpty();
    }
}
