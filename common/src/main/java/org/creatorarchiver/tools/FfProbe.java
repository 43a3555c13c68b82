package org.creatorarchiver.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.creatorarchiver.config.ExternalTools;

/**
 * Measures a media file with ffprobe: the duration fallback when neither Patreon nor yt-dlp reports one (yt-dlp
 * gives none for plain files, HTML5 pages and, before 2025, HLS playlists). ffprobe is found next to
 * {@code FFMPEG_PATH}, else on PATH.
 */
public final class FfProbe {

    /** ffprobe reads only the container header, so this is generous even for a large file on a slow disk. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);

    private final String executable;
    private final Subprocess subprocess;
    private final Duration timeout;

    public FfProbe(ExternalTools tools, Subprocess subprocess) {
        this(Tool.FFPROBE.command(tools), subprocess, DEFAULT_TIMEOUT);
    }

    public FfProbe(String executable, Subprocess subprocess, Duration timeout) {
        this.executable = executable;
        this.subprocess = subprocess;
        this.timeout = timeout;
    }

    /**
     * The file's duration in seconds, empty when the container does not say (ffprobe prints {@code N/A}).
     *
     * @throws ToolException the file is not media ffprobe can read (it exits non-zero), or ffprobe cannot run
     */
    public Optional<Double> duration(Path file) throws ToolException, InterruptedException {
        Command command = command(file.toAbsolutePath());
        CommandResult result = subprocess.run(command);
        String printed = result.stdout().strip();
        if (printed.isEmpty() || printed.equals("N/A")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(printed));
        } catch (NumberFormatException e) {
            throw ToolException.unexpectedOutput(command, "not a duration: \"" + printed + "\"", result.stderrTail());
        }
    }

    private Command command(Path absolute) {
        // An absolute path starts with "/", so it can never be read as an option.
        List<String> arguments = List.of(
                executable, "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", absolute.toString());
        return new Command("ffprobe of " + absolute, arguments, absolute.getParent(), timeout);
    }
}
