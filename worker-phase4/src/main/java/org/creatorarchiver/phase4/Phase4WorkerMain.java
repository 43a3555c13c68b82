package org.creatorarchiver.phase4;

import java.time.Duration;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.phase4.api.ChatApi;
import org.creatorarchiver.phase4.api.TranscriptionApi;
import org.creatorarchiver.phase4.audio.AudioChunks;
import org.creatorarchiver.phase4.audio.AudioPreparation;
import org.creatorarchiver.phase4.audio.ChunkLimits;
import org.creatorarchiver.phase4.budget.DailyBudget;
import org.creatorarchiver.phase4.captions.CaptionTranscripts;
import org.creatorarchiver.phase4.captions.StoredCaptions;
import org.creatorarchiver.phase4.captions.YouTubeCaptions;
import org.creatorarchiver.phase4.recordings.KeptRecordings;
import org.creatorarchiver.phase4.summarize.Summarizer;
import org.creatorarchiver.phase4.whisper.WhisperTranscription;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.process.WorkerProcess;
import org.creatorarchiver.queue.RetryPolicy;
import org.creatorarchiver.queue.WorkerRuntime;
import org.creatorarchiver.tools.Subprocess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 4 worker: kept videos and audio -> transcripts (queue {@code transcribe}) -> summaries (queue
 * {@code summarize}). Each queue is consumed only while its settings enable it; a worker with both off only runs
 * the queue housekeeping. Runs until SIGTERM.
 */
public final class Phase4WorkerMain {

    /** Exit status when a setting cannot work: an API enabled without its key. */
    public static final int EXIT_CONFIGURATION = 2;

    /**
     * The paid APIs' retries: a 5xx or a timeout is retried five times over about half an hour, then the job is
     * dead-lettered for {@code retry-dead}; a 429 waits at least its Retry-After.
     */
    public static final RetryPolicy API_RETRIES =
            new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15), RetryPolicy.DEFAULT_JITTER);

    private static final Logger log = LoggerFactory.getLogger(Phase4WorkerMain.class);

    private Phase4WorkerMain() {}

    public static void main(String[] args) {
        WorkerProcess.run("worker-phase4", args, Phase4WorkerMain::register);
    }

    /**
     * Adds phase 4's handlers to a runtime (this worker's, or the one-process system's); first stops the process
     * (exit 2) when an enabled API has no key.
     */
    public static void register(ArchiverProcess process, WorkerRuntime.Builder runtime) {
        Settings settings = process.settings();
        requireKeys(process);
        Phase4Parts parts = Phase4Parts.of(process);
        if (settings.transcription().enabled()) {
            runtime.handle(JobTypes.TRANSCRIBE, transcribeHandler(parts), API_RETRIES);
        }
        if (settings.summary().enabled()) {
            runtime.handle(JobTypes.SUMMARIZE, summarizeHandler(parts), API_RETRIES);
        }
        if (!settings.transcription().enabled() && !settings.summary().enabled()) {
            log.info("transcription and summary are both off in the settings: phase 4 has nothing to do");
        }
    }

    public static TranscribeHandler transcribeHandler(Phase4Parts parts) {
        Subprocess subprocess = new Subprocess();
        return new TranscribeHandler(
                parts.dsl(),
                new KeptRecordings(parts.dsl(), new DurationPolicy(parts.globalMaxVideoDurationSeconds())),
                captions(parts, subprocess),
                whisper(parts, subprocess),
                new MediaStore(parts.mediaDir(), parts.dsl()),
                parts.queue(),
                parts.settings().summary().enabled());
    }

    private static WhisperTranscription whisper(Phase4Parts parts, Subprocess subprocess) {
        Settings.Transcription settings = parts.settings().transcription();
        long maxBytes = ChunkLimits.ofSeconds(settings.chunkSeconds()).maxBytes();
        return new WhisperTranscription(
                parts.dsl(),
                new AudioPreparation(parts.tools(), subprocess),
                new AudioChunks(parts.tools(), subprocess, maxBytes),
                TranscriptionApi.create(settings, parts.keys(), parts.pauses()),
                budget(parts),
                settings);
    }

    private static CaptionTranscripts captions(Phase4Parts parts, Subprocess subprocess) {
        return new CaptionTranscripts(
                new StoredCaptions(parts.dsl(), parts.mediaDir()),
                new YouTubeCaptions(parts.tools(), subprocess),
                parts.settings().transcription());
    }

    public static SummarizeHandler summarizeHandler(Phase4Parts parts) {
        Settings.Summary settings = parts.settings().summary();
        ChatApi chat = ChatApi.create(settings, parts.keys(), parts.pauses());
        return new SummarizeHandler(parts.dsl(), new Summarizer(parts.dsl(), chat, budget(parts), settings), settings);
    }

    private static DailyBudget budget(Phase4Parts parts) {
        return new DailyBudget(parts.dsl(), parts.settings().budget().dailyUsd(), parts.clock());
    }

    /** An API enabled without its key cannot do anything: one line naming both settings, before any job is taken. */
    private static void requireKeys(ArchiverProcess process) {
        Settings settings = process.settings();
        var keys = process.config().apiKeys();
        Optional<String> problem = Optional.empty();
        if (settings.transcription().enabled() && keys.transcription().isEmpty()) {
            problem = Optional.of("transcription.enabled is true but " + TranscriptionApi.KEY_SETTING + " is not set");
        } else if (settings.summary().enabled() && keys.summary().isEmpty()) {
            problem = Optional.of("summary.enabled is true but " + ChatApi.KEY_SETTING + " is not set");
        }
        if (problem.isPresent()) {
            System.err.println(
                    "configuration error: " + problem.get() + " (a local server that needs no key accepts any value)");
            System.exit(EXIT_CONFIGURATION);
        }
    }
}
