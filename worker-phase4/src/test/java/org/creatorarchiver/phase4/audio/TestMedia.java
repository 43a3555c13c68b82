package org.creatorarchiver.phase4.audio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creatorarchiver.config.ExternalTools;
import org.creatorarchiver.tools.Command;
import org.creatorarchiver.tools.Subprocess;

/** Recordings made with the real ffmpeg for the tests, and what the real ffprobe says about a file. */
final class TestMedia {

    static final ExternalTools TOOLS = new ExternalTools("yt-dlp", "ffmpeg");
    static final Subprocess SUBPROCESS = new Subprocess();

    private TestMedia() {}

    /** What a user checks about an audio file with ffprobe. */
    record Probed(String codec, int channels, int sampleRate, double durationSeconds) {}

    /**
     * Speech-like noise (pink, loud enough to never count as silent) for {@code seconds}, silent for the last
     * {@code pause} seconds of every {@code period}; no pauses when {@code period} is 0. {@code encoding} is what
     * ffmpeg gets after the filter: codec options and the container's name.
     */
    static Path noiseWithPauses(Path file, double seconds, double period, double pause, String... encoding)
            throws Exception {
        String filter = period > 0
                ? String.format(
                        Locale.ROOT, "volume=enable='gte(mod(t,%s),%s)':volume=0", num(period), num(period - pause))
                : "anull";
        List<String> arguments = new ArrayList<>(List.of(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "anoisesrc=r=44100:c=pink:a=0.5:d=" + num(seconds),
                "-af",
                filter));
        arguments.addAll(List.of(encoding));
        arguments.add(file.toString());
        run("generate " + file, arguments, file.getParent());
        return file;
    }

    /** The same noise as a 44.1 kHz stereo AAC track in an MP4 beside a small H.264 picture: a downloaded video. */
    static Path videoWithPauses(Path file, double seconds, double period, double pause) throws Exception {
        String filter = String.format(
                Locale.ROOT,
                "[0:a]volume=enable='gte(mod(t,%s),%s)':volume=0,aformat=channel_layouts=stereo[a]",
                num(period),
                num(period - pause));
        run(
                "generate " + file,
                List.of(
                        "ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "anoisesrc=r=44100:c=pink:a=0.5:d=" + num(seconds),
                        "-f",
                        "lavfi",
                        "-i",
                        "color=c=navy:s=64x36:r=5:d=" + num(seconds),
                        "-filter_complex",
                        filter,
                        "-map",
                        "1:v",
                        "-map",
                        "[a]",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-c:a",
                        "aac",
                        "-b:a",
                        "96k",
                        file.toString()),
                file.getParent());
        return file;
    }

    static Probed probe(Path file) throws Exception {
        String printed = run(
                "probe " + file,
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "a:0",
                        "-show_entries",
                        "stream=codec_name,channels,sample_rate:format=duration",
                        "-of",
                        "default=noprint_wrappers=1",
                        file.toString()),
                file.getParent());
        Map<String, String> values = new HashMap<>();
        for (String line : printed.strip().split("\\R")) {
            values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        return new Probed(
                values.get("codec_name"),
                Integer.parseInt(values.get("channels")),
                Integer.parseInt(values.get("sample_rate")),
                Double.parseDouble(values.get("duration")));
    }

    static String run(List<String> arguments, Path directory) throws Exception {
        return run(String.join(" ", arguments), arguments, directory);
    }

    private static String run(String description, List<String> arguments, Path directory) throws Exception {
        return SUBPROCESS
                .run(new Command(description, arguments, directory, Duration.ofMinutes(2)))
                .stdout();
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
