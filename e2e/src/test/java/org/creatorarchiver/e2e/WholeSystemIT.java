package org.creatorarchiver.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.QueueCounts;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.creatorarchiver.testing.patreon.FakeCreator;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.creatorarchiver.testing.patreon.TestVideos;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system as users run it: the orchestrator and worker jars as OS processes (one phase 1, two phase 2, one
 * phase 3 worker) against the real PostgreSQL and Redis, archiving two fake creators of 300 posts of every kind
 * while the fake answers 5 % of API requests with 429 and 5 % with 500. Each run ends with the archive compared to
 * what the fake generated ({@link ArchiveCheck}): every post, every media decision, every file once with its bytes,
 * exact reference counts, the collections. Then the same with a phase 2 worker SIGKILLed mid-run, and with Redis
 * flushed mid-run followed by {@code reconcile}: nothing lost, nothing duplicated. And the whole system in one process
 * ({@code ./archiver run}), stopped by SIGTERM mid-run and started again: the same archive.
 */
class WholeSystemIT {

    private static final int POSTS_PER_CREATOR = 300;
    private static final String SESSION_ID = "e2e-session-cookie-7f3a9c";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);
    /**
     * The defaults, except: YouTube downloaded (so yt-dlp fetches the fake's video pages and their subtitles), the
     * shared Patreon rate limit raised from 2 requests/s (which would make 600 posts take minutes) and retries a
     * second apart instead of a minute.
     */
    private static final String SETTINGS = """
            {"media": {"youtube": {"mode": "download",
                                   "download_settings": {"subtitles": ["en", "es"], "auto_subtitles": false,
                                                         "max_retries": 5, "retry_delay": 1}}},
             "queue": {"concurrency": {"phase1": 1, "phase2": 2, "media": 2, "phase3": 1}},
             "scraping": {"max_retries": 5, "retry_delay": 1, "requests_per_second": 200}}
            """;

    @TempDir
    static Path videos;

    private static DSLContext db;

    @TempDir
    Path work;

    private FakePatreon patreon;
    private List<FakeCreator> creators;
    private Path mediaDir;
    private ArchiverProcesses system;
    private List<String> mustKeepRunning = List.of("worker-phase1", "worker-phase3");
    private JobQueue queue;

    @BeforeAll
    static void makeVideos() throws Exception {
        TestVideos.makeIn(videos);
        db = TestDatabase.migrated();
    }

    @BeforeEach
    void startFakeAndSystem(TestInfo test) throws Exception {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());
        patreon = FakePatreon.start()
                .latency(Duration.ofMillis(5))
                .flaky(0.05, 0.05)
                .videoSite(videos);
        creators = List.of(
                patreon.addCreator("skyforge", "4815162", "90011223").addPostsOfEveryKind(POSTS_PER_CREATOR),
                patreon.addCreator("nebula", "2342342", "60060060").addPostsOfEveryKind(POSTS_PER_CREATOR));
        mediaDir = work.resolve("media");
        Path settings = Files.writeString(work.resolve("settings.json"), SETTINGS);
        Map<String, String> environment = new HashMap<>(ArchiverProcesses.servicesEnvironment());
        environment.putAll(Map.of(
                "MEDIA_DIR",
                mediaDir.toString(),
                "PATREON_BASE_URL",
                patreon.baseUrl().toString(),
                "PATREON_SESSION_ID",
                SESSION_ID,
                "ARCHIVER_SETTINGS",
                settings.toString(),
                "LOG_LEVEL",
                "INFO"));
        system = new ArchiverProcesses(
                Path.of("target", "e2e-logs", test.getTestMethod().orElseThrow().getName()), environment);
    }

    @AfterEach
    void stopEverything() throws Exception {
        system.close();
        patreon.close();
    }

    @AfterAll
    static void cleanDatabase() {
        TestDatabase.truncateAll();
    }

    @Test
    void twoCreatorsAreArchivedCompletelyThroughFlakyPatreon() throws Exception {
        startWorkers("worker-phase2-a", "worker-phase2-b");

        enqueueBothCreators();
        awaitQuiet();

        assertArchiveMatchesTheFake();
    }

    @Test
    void aPhase2WorkerKilledMidRunLosesNothing() throws Exception {
        startWorkers("worker-phase2-a", "worker-phase2-b");
        enqueueBothCreators();
        awaitUntil("a third of the posts processed", () -> completedPosts() >= 2 * POSTS_PER_CREATOR / 3);

        system.kill("worker-phase2-a");
        system.start("worker-phase2-c", "worker-phase2");
        awaitQuiet();

        assertArchiveMatchesTheFake();
        assertThat(system.allLogs())
                .as("a live worker (of any phase: every worker reaps) handed the killed one's jobs back")
                .containsPattern(
                        "worker worker-phase2-\\S+ has no heartbeat: handed \\d+ of its (phase2|media) jobs back");
    }

    @Test
    void redisFlushedMidRunThenReconcileLosesNothing() throws Exception {
        startWorkers("worker-phase2-a", "worker-phase2-b");
        enqueueBothCreators();
        awaitUntil("a third of the posts processed", () -> completedPosts() >= 2 * POSTS_PER_CREATOR / 3);

        TestServices.flushRedis();
        ArchiverProcesses.Result reconcile = system.run("reconcile", Duration.ofMinutes(2), "reconcile");
        assertThat(reconcile.exitCode()).as(reconcile.output()).isZero();
        assertThat(reconcile.output())
                .as("the posts still to process are enqueued again")
                .containsPattern("process_post: [1-9]\\d* enqueued");
        awaitQuiet();

        assertArchiveMatchesTheFake();
    }

    @Test
    void theWholeSystemInOneProcessArchivesBothCreatorsAndDrainsOnSigterm() throws Exception {
        mustKeepRunning = List.of("run");
        system.start("run", "all-in-one", "--port", "0", "https://www.patreon.com/skyforge", "nebula");
        awaitUntil("a third of the posts processed", () -> completedPosts() >= 2 * POSTS_PER_CREATOR / 3);

        int exitCode = system.stop("run");
        // 143 = 128 + SIGTERM: how a JVM ends once its shutdown hook (here the drain) has run.
        assertThat(exitCode)
                .as("exit status after SIGTERM (see %s)", system.logOf("run"))
                .isEqualTo(143);
        assertThat(system.allLogs()).as("the drain ran").containsPattern("worker archiver-run-\\S+ stopped");
        assertThat(queue.counts(Queues.ALL).values())
                .as("every job finished or handed back on SIGTERM")
                .allMatch(counts -> counts.processing() == 0);
        system.start("run", "all-in-one", "--port", "0");
        awaitQuiet();

        assertArchiveMatchesTheFake();
        assertThat(system.allLogs())
                .as("one process consumed every queue")
                .contains("the whole system runs in this process")
                .contains("skyforge (vanity) -> source")
                .contains("nebula (vanity) -> source");
    }

    private void startWorkers(String... phase2Workers) {
        system.start("worker-phase1", "worker-phase1");
        for (String name : phase2Workers) {
            system.start(name, "worker-phase2");
        }
        system.start("worker-phase3", "worker-phase3");
    }

    private void enqueueBothCreators() {
        ArchiverProcesses.Result enqueue =
                system.run("enqueue", Duration.ofMinutes(1), "enqueue", "https://www.patreon.com/skyforge", "nebula");
        assertThat(enqueue.exitCode()).as(enqueue.output()).isZero();
    }

    private void assertArchiveMatchesTheFake() {
        for (String name : Queues.ALL) {
            assertThat(queue.counts(name).dead())
                    .as("dead jobs in %s: %s", name, queue.deadJobs(name, 5))
                    .isZero();
        }
        new ArchiveCheck(db, mediaDir, patreon, videos).assertArchiveMatches(creators);
        assertThat(system.allLogs()).as("the session cookie in a log").doesNotContain(SESSION_ID);
        assertThat(patreon.requests("/api/").size()).as("API requests").isGreaterThan(2 * POSTS_PER_CREATOR);
    }

    /** Until no queue holds a job (ready, delayed or in a worker's hands) for three looks in a row. */
    private void awaitQuiet() throws InterruptedException {
        int quietLooks = 0;
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (quietLooks < 3) {
            assertRunning();
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still busy after " + RUN_TIMEOUT + ": " + queue.counts(Queues.ALL)
                        + "; logs in " + system.logOf(mustKeepRunning.get(0)).getParent());
            }
            Map<String, QueueCounts> counts = queue.counts(Queues.ALL);
            boolean quiet = counts.values().stream().allMatch(c -> c.ready() + c.delayed() + c.processing() == 0);
            quietLooks = quiet ? quietLooks + 1 : 0;
            Thread.sleep(1000);
        }
    }

    private void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (!condition.getAsBoolean()) {
            assertRunning();
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not " + what + " after " + RUN_TIMEOUT);
            }
            Thread.sleep(200);
        }
    }

    private void assertRunning() {
        for (String name : mustKeepRunning) {
            assertThat(system.isRunning(name))
                    .as("%s is running (see %s)", name, system.logOf(name))
                    .isTrue();
        }
    }

    private int completedPosts() {
        return db.fetchCount(db.selectOne().from("posts").where("status = 'completed'"));
    }
}
