package org.creatorarchiver.phase2;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.creatorarchiver.config.ExternalTools;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.http.HttpClients;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.phase2.decide.MediaPolicy;
import org.creatorarchiver.phase2.fetch.DirectDownload;
import org.creatorarchiver.phase2.fetch.MediaFetcher;
import org.creatorarchiver.phase2.fetch.VideoDownload;
import org.creatorarchiver.phase2.post.PostDetailsWriter;
import org.creatorarchiver.phase2.post.PostFetcher;
import org.creatorarchiver.phase2.store.PostMediaWriter;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.process.WorkerProcess;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.WorkerRuntime;
import org.creatorarchiver.tools.FfProbe;
import org.creatorarchiver.tools.Subprocess;
import org.creatorarchiver.tools.ToolCheck;
import org.creatorarchiver.tools.YtDlp;
import org.creatorarchiver.transcripts.TranscriptRequests;
import org.jooq.DSLContext;

/** Phase 2 worker: post -> details and media decisions (queue phase2), and downloads (queue media). Runs until SIGTERM. */
public final class Phase2WorkerMain {

    /** Exit status when a tool the settings need (yt-dlp, ffmpeg) cannot be run. */
    public static final int EXIT_CONFIGURATION = 2;

    private Phase2WorkerMain() {}

    public static void main(String[] args) {
        WorkerProcess.run("worker-phase2", args, Phase2WorkerMain::register);
    }

    /**
     * Adds phase 2's two handlers to a runtime: this worker's, or the one-process system's ({@code ./archiver run});
     * first stops the process (exit 2) when a tool the settings need cannot run.
     */
    public static void register(ArchiverProcess process, WorkerRuntime.Builder runtime) {
        requireTools(process);
        Handlers handlers = handlers(process);
        runtime.handle(JobTypes.PROCESS_POST, handlers.posts(), process.scrapingRetryPolicy())
                .handle(JobTypes.DOWNLOAD_MEDIA, handlers.downloads(), process.ytDlpRetryPolicy());
    }

    /** Phase 2's two handlers, sharing their parts. */
    public record Handlers(ProcessPostHandler posts, DownloadMediaHandler downloads) {}

    public static Handlers handlers(ArchiverProcess process) {
        return handlers(
                process.database().dsl(),
                process.queue(),
                process.http(),
                process.config().mediaDir(),
                process.config().tools(),
                process.settings().media(),
                process.config().maxVideoDurationSeconds(),
                process.clock(),
                process.settings().transcription());
    }

    /**
     * The handlers on the given database, queue, HTTP clients, media dir and tools (tests build them this way);
     * {@code transcription} says whether kept recordings ask phase 4 for transcripts.
     */
    public static Handlers handlers(
            DSLContext dsl,
            JobQueue queue,
            HttpClients http,
            Path mediaDir,
            ExternalTools tools,
            Settings.Media media,
            int globalMaxVideoDurationSeconds,
            Clock clock,
            Settings.Transcription transcription) {
        TranscriptRequests transcripts = new TranscriptRequests(dsl, queue, transcription);
        DurationPolicy durations = new DurationPolicy(globalMaxVideoDurationSeconds);
        PostFetcher fetcher = new PostFetcher(new PatreonApi(http.patreon()));
        MediaStore store = new MediaStore(mediaDir, dsl);
        MediaPolicy policy = new MediaPolicy(media, durations, clock);
        PostMediaWriter writer = new PostMediaWriter(media.images().storeUrls(), policy);
        ProcessPostHandler posts = new ProcessPostHandler(
                dsl, fetcher, new PostDetailsWriter(clock), policy, durations, writer, queue, store, transcripts);
        DownloadMediaHandler downloads = new DownloadMediaHandler(
                dsl, store, fetcher(dsl, http, tools, fetcher, media), policy, media, transcripts);
        return new Handlers(posts, downloads);
    }

    private static MediaFetcher fetcher(
            DSLContext dsl, HttpClients http, ExternalTools tools, PostFetcher posts, Settings.Media media) {
        Subprocess subprocess = new Subprocess();
        VideoDownload videos = new VideoDownload(new YtDlp(tools, subprocess), new FfProbe(tools, subprocess));
        return new MediaFetcher(dsl, new DirectDownload(http.media()), videos, posts, media);
    }

    private static void requireTools(ArchiverProcess process) {
        Optional<String> problem;
        try {
            problem = new ToolCheck(process.config().tools(), new Subprocess(), process.clock())
                    .problem(process.settings());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (problem.isPresent()) {
            System.err.println("configuration error: " + problem.get());
            System.exit(EXIT_CONFIGURATION);
        }
    }
}
