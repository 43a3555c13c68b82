package org.creatorarchiver.phase4.captions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.creatorarchiver.config.ExternalTools;
import org.creatorarchiver.queue.JobFailure;
import org.creatorarchiver.tools.Command;
import org.creatorarchiver.tools.CommandResult;
import org.creatorarchiver.tools.Subprocess;
import org.creatorarchiver.tools.Tool;
import org.creatorarchiver.tools.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video's captions fetched with yt-dlp, without the video ({@code --skip-download}): for YouTube videos kept as
 * embeds, whose captions are the only free transcript. Thread-safe.
 */
public final class YouTubeCaptions {

    /** Captions are small; the time goes to reading the watch page. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final String WATCH_URL = "https://www.youtube.com/watch?v=";
    private static final int MAX_URL_IN_MESSAGES = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(YouTubeCaptions.class);

    private final ExternalTools tools;
    private final Subprocess subprocess;
    private final Duration timeout;

    public YouTubeCaptions(ExternalTools tools, Subprocess subprocess) {
        this(tools, subprocess, DEFAULT_TIMEOUT);
    }

    public YouTubeCaptions(ExternalTools tools, Subprocess subprocess, Duration timeout) {
        this.tools = tools;
        this.subprocess = subprocess;
        this.timeout = timeout;
    }

    /**
     * Writes the video's caption tracks in the listed languages (every region of each) into {@code outDir}, which
     * the caller owns and deletes.
     *
     * @param video            a YouTube id ({@code dQw4w9WgXcQ}) or a video page's http(s) URL
     * @param captionLanguages {@code transcription.caption_languages}; empty fetches nothing
     * @return the tracks written, manual and automatic, in no particular order; empty for a video without captions
     * @throws ToolException yt-dlp failed (video unavailable, network unreachable) or timed out: a job failure to
     *                       retry
     * @throws JobFailure    yt-dlp exited 0 but printed no video, or listed captions but could write none of them
     *                       (a retry too)
     */
    public List<CaptionTrack> fetch(String video, List<String> captionLanguages, Path outDir)
            throws JobFailure, InterruptedException {
        if (captionLanguages.isEmpty()) {
            return List.of();
        }
        Path directory = createDirectory(outDir.toAbsolutePath().normalize());
        Command command = command(url(video), captionLanguages, directory);
        CommandResult result = subprocess.run(command);
        YtDlpCaptionListing.Listing listing;
        try {
            listing = YtDlpCaptionListing.read(json(command, result), directory);
        } catch (IllegalArgumentException e) {
            throw unexpectedOutput(command, e.getMessage(), e);
        }
        return written(command, listing, result.stderrTail());
    }

    /**
     * Captions listed but not downloaded (YouTube answers 429 to many caption requests in a row) are no proof that
     * the video has none: when nothing could be written, the job is tried again later rather than left without a
     * transcript.
     */
    private static List<CaptionTrack> written(Command command, YtDlpCaptionListing.Listing listing, String stderr)
            throws JobFailure {
        if (!listing.missing().isEmpty()) {
            log.warn(
                    "{}: the {} captions did not download; stderr: {}",
                    command.description(),
                    String.join(", ", listing.missing()),
                    stderr);
            if (listing.written().isEmpty()) {
                throw JobFailure.retry(
                        command.description() + ": the " + String.join(", ", listing.missing())
                                + " captions are listed but did not download",
                        null);
            }
        }
        return listing.written();
    }

    private Command command(String url, List<String> captionLanguages, Path directory) {
        return new Command(
                "yt-dlp captions of " + shortened(url),
                YouTubeCaptionArguments.fetch(Tool.YT_DLP.command(tools), captionLanguages, url, directory),
                directory,
                timeout);
    }

    /** A YouTube id becomes its watch URL; a URL is taken as it is. */
    static String url(String video) {
        String trimmed = video.strip();
        if (YOUTUBE_ID.matcher(trimmed).matches()) {
            return WATCH_URL + trimmed;
        }
        if (trimmed.startsWith("https://") || trimmed.startsWith("http://")) {
            return trimmed;
        }
        throw new IllegalArgumentException("neither a YouTube id nor an http(s) URL: \"" + shortened(trimmed) + "\"");
    }

    private static JsonNode json(Command command, CommandResult result) throws JobFailure {
        try {
            JsonNode json = JSON.readTree(result.stdout());
            if (json == null || !json.isObject()) {
                throw unexpectedOutput(command, "printed no video information", null);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw unexpectedOutput(command, "printed something other than JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** yt-dlp exited 0 yet printed no usable metadata: a newer or broken release, worth another try later. */
    private static JobFailure unexpectedOutput(Command command, String problem, Throwable cause) {
        return JobFailure.retry(command.description() + ": " + problem, cause);
    }

    private static Path createDirectory(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the caption directory " + directory, e);
        }
    }

    private static String shortened(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > MAX_URL_IN_MESSAGES ? printable.substring(0, MAX_URL_IN_MESSAGES) + "…" : printable;
    }
}
