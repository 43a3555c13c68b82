package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.jobs.JobTypes.SYNC_COLLECTIONS;
import static org.creatorarchiver.jobs.JobTypes.SYNC_CREATOR;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.creatorarchiver.jobs.JobTypes.SyncCollections;
import org.creatorarchiver.jobs.JobTypes.SyncCreator;
import org.creatorarchiver.queue.Job;
import org.creatorarchiver.queue.JobCodec;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.JobType;
import org.creatorarchiver.queue.QueueCounts;
import org.creatorarchiver.queue.QueueKeys;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.client.codec.StringCodec;

/** {@code orchestrator enqueue} as a user runs it, against the real PostgreSQL and Redis. */
class EnqueueCommandTest {

    private static final String NL = System.lineSeparator();

    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());
    private DSLContext db;

    @TempDir
    Path dir;

    @BeforeEach
    void emptyArchive() {
        db = TestDatabase.migrated();
        TestDatabase.truncateAll();
        TestServices.flushRedis();
    }

    @Test
    void everyFormBecomesASourceWithOnePhase1AndOnePhase3Job() {
        CommandRun run = CommandRun.of(
                "enqueue",
                "skyforge",
                "https://www.patreon.com/c/OtherOne/posts",
                "www.patreon.com/cw/third",
                "patreon.com/fourth/posts",
                "https://www.patreon.com/user?u=123456",
                "https://www.patreon.com/m/791478",
                "id:555",
                "42");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo(String.join(
                                NL,
                                "skyforge (vanity) -> source 1: phase1 enqueued, phase3 enqueued",
                                "otherone (vanity) -> source 2: phase1 enqueued, phase3 enqueued",
                                "third (vanity) -> source 3: phase1 enqueued, phase3 enqueued",
                                "fourth (vanity) -> source 4: phase1 enqueued, phase3 enqueued",
                                "123456 (user id) -> source 5: phase1 enqueued, phase3 enqueued",
                                "791478 (campaign id) -> source 6: phase1 enqueued, phase3 enqueued",
                                "555 (campaign id) -> source 7: phase1 enqueued, phase3 enqueued",
                                "42 (campaign id) -> source 8: phase1 enqueued, phase3 enqueued")
                        + NL);
        assertThat(db.select(SOURCES.VANITY)
                        .from(SOURCES)
                        .where(SOURCES.VANITY.isNotNull())
                        .orderBy(SOURCES.ID)
                        .fetch(SOURCES.VANITY))
                .containsExactly("skyforge", "otherone", "third", "fourth");
        assertThat(db.select(SOURCES.USER_EXTERNAL_ID)
                        .from(SOURCES)
                        .where(SOURCES.USER_EXTERNAL_ID.isNotNull())
                        .fetch(SOURCES.USER_EXTERNAL_ID))
                .containsExactly("123456");
        assertThat(db.select(SOURCES.EXTERNAL_ID)
                        .from(SOURCES)
                        .where(SOURCES.EXTERNAL_ID.isNotNull())
                        .orderBy(SOURCES.ID)
                        .fetch(SOURCES.EXTERNAL_ID))
                .containsExactly("791478", "555", "42");
        assertThat(waiting(SYNC_CREATOR))
                .containsExactly(
                        new SyncCreator(1, false),
                        new SyncCreator(2, false),
                        new SyncCreator(3, false),
                        new SyncCreator(4, false),
                        new SyncCreator(5, false),
                        new SyncCreator(6, false),
                        new SyncCreator(7, false),
                        new SyncCreator(8, false));
        assertThat(waiting(SYNC_COLLECTIONS))
                .containsExactly(
                        new SyncCollections(1),
                        new SyncCollections(2),
                        new SyncCollections(3),
                        new SyncCollections(4),
                        new SyncCollections(5),
                        new SyncCollections(6),
                        new SyncCollections(7),
                        new SyncCollections(8));
        assertThat(queue.counts(Queues.PHASE2)).isEqualTo(new QueueCounts(0, 0, 0, 0));
    }

    @Test
    void enqueueingAgainWhileTheJobsWaitAddsNothing() {
        CommandRun.of("enqueue", "skyforge");

        CommandRun again = CommandRun.of("enqueue", "https://www.patreon.com/skyforge");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out())
                .isEqualTo("skyforge (vanity) -> source 1: phase1 already waiting, phase3 already waiting" + NL);
        assertThat(db.fetchCount(SOURCES)).isEqualTo(1);
        assertThat(waiting(SYNC_CREATOR)).containsExactly(new SyncCreator(1, false));
        assertThat(waiting(SYNC_COLLECTIONS)).containsExactly(new SyncCollections(1));
    }

    @Test
    void inputsNamingTheSameCreatorCountOnce() {
        CommandRun run = CommandRun.of(
                "enqueue", "skyforge", "https://www.patreon.com/SkyForge/posts", "https://www.patreon.com/c/skyforge");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("skyforge (vanity) -> source 1: phase1 enqueued, phase3 enqueued" + NL);
        assertThat(queue.counts(Queues.PHASE1).ready()).isEqualTo(1);
        assertThat(queue.counts(Queues.PHASE3).ready()).isEqualTo(1);
    }

    @Test
    void fullAsksPhase1ToListEveryPost() {
        CommandRun run = CommandRun.of("enqueue", "--full", "skyforge");

        assertThat(run.exitCode()).isZero();
        assertThat(waiting(SYNC_CREATOR)).containsExactly(new SyncCreator(1, true));
        assertThat(waiting(SYNC_COLLECTIONS)).containsExactly(new SyncCollections(1));
    }

    @Test
    void oneGarbageInputRefusesTheWholeRunNamingIt() {
        CommandRun run = CommandRun.of("enqueue", "skyforge", "https://example.com/someone", "791478", "some creator");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactly(
                        "enqueue: 'https://example.com/someone': not a Patreon host: example.com",
                        "enqueue: 'some creator': expected a Patreon creator URL (https://www.patreon.com/<name>, /c/<name>,"
                                + " /cw/<name>, /user?u=<id>, /m/<campaign id>), a vanity name or a campaign id",
                        "enqueue: nothing enqueued: 2 of 4 input(s) name no creator");
        assertThat(run.out()).isEmpty();
        assertNothingEnqueued();
    }

    @Test
    void aFileListsCreatorsAndItsBadLinesAreReportedByLine() throws Exception {
        Path file = dir.resolve("creators.txt");
        Files.writeString(file, """
                # creators to archive

                skyforge
                  https://www.patreon.com/c/otherone
                https://www.patreon.com/home
                """);

        CommandRun run = CommandRun.of("enqueue", "--file", file.toString(), "791478");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactly(
                        "enqueue: " + file
                                + ":5: 'https://www.patreon.com/home': /home is a Patreon page, not a creator",
                        "enqueue: nothing enqueued: 1 of 4 input(s) name no creator");
        assertNothingEnqueued();
    }

    @Test
    void aFileAndArgumentsAreEnqueuedTogether() throws Exception {
        Path file = dir.resolve("creators.txt");
        Files.writeString(file, "# mine\n\nskyforge\n  https://www.patreon.com/c/otherone  \n");

        CommandRun run = CommandRun.of("enqueue", "791478", "--file", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        "791478 (campaign id) -> source 1: phase1 enqueued, phase3 enqueued",
                        "skyforge (vanity) -> source 2: phase1 enqueued, phase3 enqueued",
                        "otherone (vanity) -> source 3: phase1 enqueued, phase3 enqueued");
        assertThat(queue.counts(Queues.PHASE1).ready()).isEqualTo(3);
    }

    @Test
    void aDashReadsCreatorsFromStandardInput() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("skyforge\n#x\nnot a creator\n".getBytes(StandardCharsets.UTF_8)));

            CommandRun run = CommandRun.of("enqueue", "--file", "-");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("enqueue: stdin:3: 'not a creator': expected a Patreon creator URL");
        } finally {
            System.setIn(stdin);
        }
        assertNothingEnqueued();
    }

    @Test
    void aMissingFileIsAOneLineUsageError() {
        Path missing = dir.resolve("missing.txt");

        CommandRun run = CommandRun.of("enqueue", "--file", missing.toString(), "skyforge");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("enqueue: cannot read --file " + missing + ": no such file" + NL);
        assertNothingEnqueued();
    }

    @Test
    void aFileWithOnlyCommentsIsAUsageError() throws Exception {
        Path file = dir.resolve("empty.txt");
        Files.writeString(file, "# nobody yet\n\n");

        CommandRun run = CommandRun.of("enqueue", "--file", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("enqueue: --file " + file + " names no creator" + NL);
    }

    @Test
    void noCreatorAtAllIsAUsageError() {
        CommandRun run = CommandRun.of("enqueue");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("no creator given: name at least one or use --file", "Usage: orchestrator enqueue");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpDescribesTheOptionsAndTheAcceptedForms() {
        for (CommandRun help : List.of(CommandRun.of("enqueue", "--help"), CommandRun.of("help", "enqueue"))) {
            assertThat(help.exitCode()).isZero();
            assertThat(help.out())
                    .contains(
                            "Usage: orchestrator enqueue",
                            "[CREATOR...]",
                            "--file=F",
                            "--full",
                            "https://www.patreon.com/c/skyforge, /cw/skyforge",
                            "/user?u=123456",
                            "id:791478",
                            "Exit codes: 0");
        }
    }

    private void assertNothingEnqueued() {
        assertThat(db.fetchCount(SOURCES)).isZero();
        for (String name : Queues.ALL) {
            assertThat(queue.counts(name)).isEqualTo(new QueueCounts(0, 0, 0, 0));
        }
    }

    /** The payloads in a job type's ready list, oldest first; every job there must be of that type. */
    private static <P extends Record> List<P> waiting(JobType<P> type) {
        List<Job> jobs =
                TestServices.redisson()
                        .<String>getList(QueueKeys.ready(type.queue()), StringCodec.INSTANCE)
                        .readAll()
                        .stream()
                        .map(JobCodec::decode)
                        .toList();
        assertThat(jobs).extracting(Job::type).containsOnly(type.type());
        return jobs.stream()
                .map(job -> JobCodec.payload(job, type.payloadClass()))
                .toList();
    }
}
