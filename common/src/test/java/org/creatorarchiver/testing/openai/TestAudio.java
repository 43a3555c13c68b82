package org.creatorarchiver.testing.openai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real media files made with ffmpeg for the tests of transcription: audio of a given length, and an image. */
public final class TestAudio {

    private TestAudio() {}

    /** {@code seconds} of a mono 16 kHz tone in {@code file}; the container follows the name (.mp3, .ogg, .wav). */
    public static Path tone(Path file, double seconds) throws IOException, InterruptedException {
        ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=16000:duration=" + seconds,
                "-ac",
                "1",
                "-b:a",
                "32k",
                file.toAbsolutePath().toString());
        return file;
    }

    /** A PNG: media ffprobe reads, but without any audio. */
    public static Path image(Path file) throws IOException, InterruptedException {
        ffmpeg(
                "-f",
                "lavfi",
                "-i",
                "color=c=blue:s=32x32",
                "-frames:v",
                "1",
                file.toAbsolutePath().toString());
        return file;
    }

    private static void ffmpeg(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("ffmpeg making a test file failed: " + output.strip());
        }
    }
}
