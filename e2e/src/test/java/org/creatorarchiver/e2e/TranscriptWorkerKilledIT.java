package org.creatorarchiver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.creatorarchiver.testing.openai.Endpoint;
import org.creatorarchiver.testing.openai.FakeOpenAi;
import org.creatorarchiver.testing.openai.OpenAiCall;
import org.creatorarchiver.transcripts.TranscriptRequests;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phase 4 worker jar SIGKILLed while a transcription call is in flight, then a new one started: the reaper hands
 * the job back and it resumes after the last chunk kept. No transcript is lost, no chunk whose answer was kept is
 * sent again, the chunk killed in flight (its answer never delivered) is sent once more, and every summary is made
 * once. Three recordings of two to three minutes, cut in one-minute chunks, as phase 2 leaves them downloaded.
 */
class TranscriptWorkerKilledIT {

    private static final String KEY = "sk-e2e-phase4-7d1f0b";
    private static final int CHUNK_SECONDS = 60;
    /** The reaper hands a job back within heartbeat TTL (30 s) + reap interval (15 s) of the kill. */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(80);

    @TempDir
    Path work;

    private final DSLContext db = TestDatabase.migrated();
    private final FakeOpenAi api = FakeOpenAi.start(KEY);
    private final Map<Long, Integer> recordingSeconds = new HashMap<>();
    private JobQueue queue;
    private ArchiverProcesses system;

    @BeforeEach
    void threeDownloadedRecordingsAskForTheirTranscripts(TestInfo test) throws Exception {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());
        Path mediaDir = work.resolve("media");
        DownloadedRecordings recordings = new DownloadedRecordings(db, mediaDir);
        List<Integer> seconds = List.of(170, 150, 130);
        recordings.video(seconds.get(0));
        recordings.audio(seconds.get(1));
        recordings.audio(seconds.get(2));
        List<Long> transcripts =
                new TranscriptRequests(db, queue, transcription()).requestDownloaded(recordings.contents());
        for (int i = 0; i < transcripts.size(); i++) {
            recordingSeconds.put(transcripts.get(i), seconds.get(i));
        }
        system = new ArchiverProcesses(
                Path.of("target", "e2e-logs", test.getTestMethod().orElseThrow().getName()), environment(mediaDir));
    }

    @AfterEach
    void stopEverything() throws Exception {
        system.close();
        api.close();
    }

    @Test
    void aPhase4WorkerKilledMidCallLosesNoTranscriptAndPaysNoChunkTwice() throws Exception {
        api.holdCalls();
        system.start("worker-phase4-a", "worker-phase4");
        long inFlight = awaitALaterChunkInFlight();
        system.kill("worker-phase4-a");
        List<OpenAiCall> beforeKill = api.calls(Endpoint.TRANSCRIPTIONS);
        int keptBeforeKill = chunksKept(inFlight);
        api.releaseCalls();
        system.start("worker-phase4-b", "worker-phase4");
        awaitEverySummary();

        assertTheKilledCallAloneWasSentAgain(beforeKill, keptBeforeKill);
        assertArchiveComplete();
        String logs = system.allLogs();
        assertThat(logs)
                .as("the new worker's reaper handed the killed one's job back")
                .containsPattern("worker worker-phase4-\\S+ has no heartbeat: handed 1 of its transcribe jobs back")
                .doesNotContain(KEY);
        assertThat(Pattern.compile("transcript \\d+ completed from whisper")
                        .matcher(logs)
                        .results())
                .as("transcripts the workers logged as completed")
                .hasSize(recordingSeconds.size());
    }

    /**
     * Lets the first call through, holds the next: returns the transcript being worked on once a call of its after
     * the first is held, i.e. one answer of it kept and one in flight.
     */
    private long awaitALaterChunkInFlight() {
        await("the first transcription call held")
                .atMost(Duration.ofSeconds(60))
                .until(() -> api.heldCalls() == 1);
        api.releaseCalls().holdCalls();
        await("a later transcription call held")
                .atMost(Duration.ofSeconds(30))
                .until(() -> api.heldCalls() == 1
                        && api.calls(Endpoint.TRANSCRIPTIONS).size() >= 2);
        return db.fetchSingle("SELECT id FROM transcripts WHERE status = 'processing'")
                .get(0, Long.class);
    }

    private void assertTheKilledCallAloneWasSentAgain(List<OpenAiCall> beforeKill, int keptBeforeKill) {
        OpenAiCall killed = beforeKill.getLast();
        List<OpenAiCall> answeredBefore = beforeKill.subList(0, beforeKill.size() - 1);
        assertThat(answeredBefore).as("answered before the kill").allMatch(OpenAiCall::delivered);
        assertThat(keptBeforeKill).as("chunks kept at the kill").isEqualTo(answeredBefore.size());
        assertThat(killed.delivered()).as("the call in flight at the kill").isFalse();
        List<OpenAiCall> all = api.calls(Endpoint.TRANSCRIPTIONS);
        List<String> sentAfter = all.subList(beforeKill.size(), all.size()).stream()
                .map(OpenAiCall::uploadSha256)
                .toList();
        assertThat(sentAfter)
                .as("uploads after the kill")
                .doesNotContainAnyElementsOf(
                        answeredBefore.stream().map(OpenAiCall::uploadSha256).toList())
                .containsOnlyOnce(killed.uploadSha256());
    }

    private void assertArchiveComplete() {
        TranscriptCheck check = new TranscriptCheck(db, api);
        check.assertCompleteAndCovering(recordingSeconds);
        int chunks = check.assertEveryChunkKeptAndPaidOnce();
        assertThat(chunks).as("chunks kept in all").isGreaterThanOrEqualTo(3 * recordingSeconds.size());
        assertThat(check.unsettledTranscriptionCalls())
                .as("reservations left unsettled: the call killed in flight alone")
                .isOne();
        check.assertOneSummaryEach(recordingSeconds.size());
        for (String name : Queues.ALL) {
            assertThat(queue.counts(name).dead())
                    .as("dead jobs in %s: %s", name, queue.deadJobs(name, 5))
                    .isZero();
        }
    }

    private void awaitEverySummary() {
        try {
            await("every transcript summarized and every queue empty")
                    .atMost(RUN_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("worker-phase4-b stopped", () -> !system.isRunning("worker-phase4-b"))
                    .until(() -> summaries() == recordingSeconds.size() && queuesEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "not done after " + RUN_TIMEOUT + ": " + queue.counts(Queues.ALL) + "; transcripts "
                            + db.fetch("SELECT id, status, last_error FROM transcripts ORDER BY id")
                                    .formatCSV()
                            + "; logs in " + system.logOf("worker-phase4-b").getParent(),
                    e);
        }
    }

    /** No job ready, delayed or in a worker's hands (a dead job fails the run's checks instead). */
    private boolean queuesEmpty() {
        return queue.counts(Queues.ALL).values().stream()
                .allMatch(counts -> counts.ready() + counts.delayed() + counts.processing() == 0);
    }

    private int summaries() {
        return db.fetchCount(db.selectOne().from("summaries"));
    }

    private int chunksKept(long transcript) {
        return db.fetchCount(db.selectOne().from("transcript_chunks").where("transcript_id = ?", transcript));
    }

    /** Transcription and summaries on, pointed at the fake, in one-minute chunks; everything else the defaults. */
    private Settings.Transcription transcription() {
        Settings.Transcription d = Settings.Transcription.DEFAULTS;
        return new Settings.Transcription(
                true, api.baseUrl(), d.model(), Optional.empty(), true, d.captionLanguages(), CHUNK_SECONDS, 0.006);
    }

    private Map<String, String> environment(Path mediaDir) throws Exception {
        Path settings = Files.writeString(work.resolve("settings.json"), """
                {"transcription": {"enabled": true, "base_url": "%1$s", "chunk_seconds": %2$d},
                 "summary": {"enabled": true, "base_url": "%1$s"}}
                """.formatted(api.baseUrl(), CHUNK_SECONDS));
        Map<String, String> environment = new HashMap<>(ArchiverProcesses.servicesEnvironment());
        environment.putAll(Map.of(
                "MEDIA_DIR",
                mediaDir.toString(),
                "ARCHIVER_SETTINGS",
                settings.toString(),
                "TRANSCRIPTION_API_KEY",
                KEY,
                "SUMMARY_API_KEY",
                KEY,
                "LOG_LEVEL",
                "INFO"));
        return environment;
    }
}
