package org.creatorarchiver.phase4.audio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.creatorarchiver.tools.Command;
import org.creatorarchiver.tools.CommandResult;
import org.creatorarchiver.tools.Subprocess;
import org.creatorarchiver.tools.ToolException;

/**
 * Asks ffprobe for a file's streams, start time and duration in one run. Common's {@code FfProbe} reads the duration
 * alone, which is not enough here: the audio check needs the streams, and an MP3's playing time its start time.
 */
final class MediaProbe {

    private final String executable;
    private final Subprocess subprocess;
    private final Duration timeout;

    MediaProbe(String executable, Subprocess subprocess, Duration timeout) {
        this.executable = executable;
        this.subprocess = subprocess;
        this.timeout = timeout;
    }

    /**
     * @throws ToolException ffprobe cannot read the file (kind {@code FAILED}: not media, or damaged beyond its
     *                       header), or cannot run
     */
    ProbedMedia probe(Path file) throws ToolException, InterruptedException {
        Path absolute = file.toAbsolutePath();
        // An absolute path starts with "/", so it can never be read as an option.
        List<String> arguments = List.of(
                executable,
                "-v",
                "error",
                "-show_entries",
                "stream=codec_type:format=start_time,duration",
                "-of",
                "default=noprint_wrappers=1",
                absolute.toString());
        CommandResult result =
                subprocess.run(new Command("ffprobe of " + absolute, arguments, absolute.getParent(), timeout));
        return parse(result.stdout());
    }

    /** Lines {@code codec_type=audio} (one per stream), then {@code start_time=0.000} and {@code duration=…}. */
    static ProbedMedia parse(String printed) {
        List<String> streamTypes = new ArrayList<>();
        OptionalDouble startTime = OptionalDouble.empty();
        OptionalDouble duration = OptionalDouble.empty();
        for (String line : printed.split("\\R")) {
            int equals = line.indexOf('=');
            String key = equals < 0 ? "" : line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            switch (key) {
                case "codec_type" -> streamTypes.add(value);
                case "start_time" -> startTime = number(value);
                case "duration" -> duration = number(value);
                default -> {}
            }
        }
        return new ProbedMedia(streamTypes, startTime, duration);
    }

    private static OptionalDouble number(String value) {
        try {
            return OptionalDouble.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty(); // "N/A": the container does not say
        }
    }
}
