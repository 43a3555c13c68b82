package org.creatorarchiver.phase4.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.creatorarchiver.queue.JobFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioPreparationTest {

    /** 30 s of noise with a 2 s pause ending every 15 s: pauses at 13-15 s and 28-30 s. */
    private static final double SECONDS = 30;

    @TempDir
    Path dir;

    private final AudioPreparation preparation = new AudioPreparation(TestMedia.TOOLS, TestMedia.SUBPROCESS);

    @ParameterizedTest
    @ValueSource(
            strings = {"video.mp4", "song.mp3", "podcast.m4a", "radio.aac", "voice.opus", "voice.ogg", "stereo.wav"})
    void everyKindOfRecordingBecomesMono16kHzMp3WithItsPauses(String name) throws Exception {
        Path source = recording(name);

        PreparedAudio prepared = preparation.prepare(source, dir.resolve("work"));

        TestMedia.Probed probed = TestMedia.probe(prepared.file());
        assertThat(probed.codec()).isEqualTo("mp3");
        assertThat(probed.channels()).isEqualTo(1);
        assertThat(probed.sampleRate()).isEqualTo(16_000);
        assertThat(prepared.durationSeconds()).isCloseTo(SECONDS, within(0.1));
        assertThat(prepared.silences()).hasSize(2);
        assertSilence(prepared.silences().get(0), 13, 15);
        assertSilence(prepared.silences().get(1), 28, 30);
    }

    @Test
    void aVideoWithoutSoundIsAPermanentFailureNamingTheFile() throws Exception {
        Path silentFilm = dir.resolve("silent film.mp4");
        TestMedia.run(
                List.of(
                        "ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "color=c=black:s=64x36:r=5:d=3",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        silentFilm.toString()),
                dir);

        assertThatThrownBy(() -> preparation.prepare(silentFilm, dir.resolve("work")))
                .isInstanceOfSatisfying(JobFailure.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage())
                            .startsWith(silentFilm + " has no audio stream")
                            .contains("video");
                });
    }

    @Test
    void aDamagedFileIsAPermanentFailureNamingTheFileAndFfmpegsReason() throws Exception {
        Path whole = TestMedia.videoWithPauses(dir.resolve("whole.mp4"), 10, 5, 1);
        byte[] bytes = Files.readAllBytes(whole);
        // ffmpeg writes an MP4's index (moov) at its end: without it, nothing in the file can be played.
        Path truncated = Files.write(dir.resolve("truncated.mp4"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> preparation.prepare(truncated, dir.resolve("work")))
                .isInstanceOfSatisfying(JobFailure.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage())
                            .startsWith(truncated + " is not media")
                            .contains("Invalid data found");
                });
    }

    @Test
    void aFileThatIsNotMediaAtAllIsAPermanentFailure() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp3"), "not a recording");

        assertThatThrownBy(() -> preparation.prepare(text, dir.resolve("work")))
                .isInstanceOfSatisfying(JobFailure.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).startsWith(text + " is not media");
                });
    }

    @Test
    void aSecondAttemptInTheSameWorkDirectoryReplacesTheFirst() throws Exception {
        Path work = dir.resolve("work");
        preparation.prepare(recording("first.wav"), work);
        Path shorter = TestMedia.noiseWithPauses(dir.resolve("second.wav"), 8, 0, 0);

        PreparedAudio prepared = preparation.prepare(shorter, work);

        assertThat(prepared.durationSeconds()).isCloseTo(8, within(0.1));
        assertThat(prepared.silences()).isEmpty();
    }

    private Path recording(String name) throws Exception {
        Path file = dir.resolve(name);
        String extension = name.substring(name.indexOf('.') + 1);
        return switch (extension) {
            case "mp4" -> TestMedia.videoWithPauses(file, SECONDS, 15, 2);
            case "mp3" -> TestMedia.noiseWithPauses(file, SECONDS, 15, 2, "-c:a", "libmp3lame", "-b:a", "128k");
            case "m4a" -> TestMedia.noiseWithPauses(file, SECONDS, 15, 2, "-c:a", "aac", "-b:a", "96k");
            case "aac" -> TestMedia.noiseWithPauses(file, SECONDS, 15, 2, "-c:a", "aac", "-f", "adts");
            case "opus", "ogg" -> TestMedia.noiseWithPauses(file, SECONDS, 15, 2, "-ar", "48000", "-c:a", "libopus");
            case "wav" -> TestMedia.noiseWithPauses(file, SECONDS, 15, 2, "-ac", "2", "-c:a", "pcm_s16le");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static void assertSilence(Silence silence, double start, double end) {
        // Lossy codecs smear the edges of a pause by a few milliseconds; a frame is 20-36 ms.
        assertThat(silence.start()).isCloseTo(start, within(0.1));
        assertThat(silence.end()).isCloseTo(end, within(0.1));
    }
}
