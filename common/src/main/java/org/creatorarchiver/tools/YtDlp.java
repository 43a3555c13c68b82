package org.creatorarchiver.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.creatorarchiver.config.ExternalTools;
import org.creatorarchiver.http.LoggableUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * yt-dlp, run as a subprocess: probing a video's metadata and downloading it with its subtitles. Works with
 * yt-dlp 2023.03.04 (Debian 12) and later; YouTube itself needs a current release. Thread-safe.
 */
public final class YtDlp {

    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofMinutes(2);
    /** A 2-hour video (the largest MAX_VIDEO_DURATION_SECONDS) at a modest bandwidth. */
    public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofHours(2);
    /** Mux serves Patreon's HLS manifests and segments only with this Referer. */
    public static final Map<String, String> PATREON_HEADERS = Map.of("Referer", "https://www.patreon.com/");

    private static final Logger log = LoggerFactory.getLogger(YtDlp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_URL_IN_MESSAGES = 300;

    private final ExternalTools tools;
    private final Subprocess subprocess;
    private final Duration probeTimeout;
    private final Duration downloadTimeout;

    public YtDlp(ExternalTools tools, Subprocess subprocess) {
        this(tools, subprocess, DEFAULT_PROBE_TIMEOUT, DEFAULT_DOWNLOAD_TIMEOUT);
    }

    public YtDlp(ExternalTools tools, Subprocess subprocess, Duration probeTimeout, Duration downloadTimeout) {
        this.tools = tools;
        this.subprocess = subprocess;
        this.probeTimeout = probeTimeout;
        this.downloadTimeout = downloadTimeout;
    }

    /**
     * The video's metadata without downloading it ({@code yt-dlp -J}).
     *
     * @param headers extra HTTP headers ({@link #PATREON_HEADERS} for Mux), empty for none
     * @throws ToolException yt-dlp failed (the summary carries its ERROR line), timed out, or printed no video
     */
    public VideoInfo probe(String url, Map<String, String> headers) throws ToolException, InterruptedException {
        Command command = new Command(
                "yt-dlp probe of " + loggable(url),
                YtDlpArguments.probe(Tool.YT_DLP.command(tools), url, headers),
                Path.of(System.getProperty("java.io.tmpdir")),
                probeTimeout);
        CommandResult result = subprocess.run(command);
        try {
            return YtDlpJson.videoInfo(parse(command, result));
        } catch (IllegalArgumentException e) {
            throw ToolException.unexpectedOutput(command, e.getMessage(), result.stderrTail());
        }
    }

    /**
     * Downloads the video, and the requested subtitles, into {@code outDir} (created if missing) as
     * {@code <id>.<ext>} and {@code <id>.<lang>.vtt}. The caller owns {@code outDir}: a fresh directory per job
     * under {@code MEDIA_DIR/tmp/<worker-id>/}, deleted by the caller afterwards, after a failure too (a retry in
     * the same directory resumes from the {@code .part} files).
     *
     * @throws ToolException yt-dlp failed (the summary carries its ERROR line), timed out, or wrote no video
     */
    public Downloaded download(String url, Path outDir, DownloadRequest request)
            throws ToolException, InterruptedException {
        Path directory = createDirectory(outDir.toAbsolutePath().normalize());
        Command command = downloadCommand(url, directory, request);
        CommandResult result = subprocess.run(command);
        if (!result.stderrTail().isBlank()) {
            log.debug("{} finished; stderr: {}", command.description(), result.stderrTail());
        }
        Downloaded downloaded = downloaded(command, result, directory);
        if (!downloaded.missingSubtitles().isEmpty()) {
            log.warn(
                    "{}: the {} subtitles did not download; stderr: {}",
                    command.description(),
                    String.join(", ", downloaded.missingSubtitles()),
                    result.stderrTail());
        }
        return downloaded;
    }

    private static Path createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the download directory " + directory, e);
        }
    }

    private Command downloadCommand(String url, Path directory, DownloadRequest request) {
        String pathVariable = subprocess.childEnvironment().getOrDefault("PATH", "");
        List<String> arguments = YtDlpArguments.download(
                Tool.YT_DLP.command(tools), Executables.locate(tools.ffmpeg(), pathVariable), url, directory, request);
        return new Command("yt-dlp download of " + loggable(url), arguments, directory, downloadTimeout);
    }

    private static Downloaded downloaded(Command command, CommandResult result, Path directory) throws ToolException {
        try {
            return YtDlpJson.downloaded(parse(command, result), directory);
        } catch (IllegalArgumentException e) {
            throw ToolException.unexpectedOutput(command, e.getMessage(), result.stderrTail());
        }
    }

    private static JsonNode parse(Command command, CommandResult result) throws ToolException {
        try {
            JsonNode json = JSON.readTree(result.stdout());
            if (json == null || !json.isObject()) {
                throw ToolException.unexpectedOutput(command, "printed no video information", result.stderrTail());
            }
            return json;
        } catch (JsonProcessingException e) {
            throw ToolException.unexpectedOutput(
                    command, "printed something other than JSON (" + e.getOriginalMessage() + ")", result.stderrTail());
        }
    }

    /** Signed Mux and CDN URLs carry tokens that must not reach logs or status columns. */
    static String loggable(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        String shown = parsed != null ? LoggableUrl.of(parsed) : url.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > MAX_URL_IN_MESSAGES ? shown.substring(0, MAX_URL_IN_MESSAGES) + "…" : shown;
    }
}
