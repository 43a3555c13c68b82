package org.creatorarchiver.phase4.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real recordings prepared, planned and cut with the real ffmpeg, every chunk file checked with ffprobe. */
class AudioChunksTest {

    @TempDir
    static Path shared;

    /** 25 minutes of noise with a 2 s pause ending every 290 s (the last one at 1448-1450 s). */
    private static PreparedAudio twentyFiveMinutes;
    /** 130 s of noise without a pause. */
    private static PreparedAudio noPause;

    @TempDir
    Path dir;

    private final AudioChunks chunks =
            new AudioChunks(TestMedia.TOOLS, TestMedia.SUBPROCESS, ChunkLimits.DEFAULT_MAX_BYTES);

    @BeforeAll
    static void prepareRecordings() throws Exception {
        AudioPreparation preparation = new AudioPreparation(TestMedia.TOOLS, TestMedia.SUBPROCESS);
        Path talk = TestMedia.noiseWithPauses(
                shared.resolve("talk.wav"), 1500, 290, 2, "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le");
        twentyFiveMinutes = preparation.prepare(talk, shared.resolve("talk"));
        Path hum = TestMedia.noiseWithPauses(shared.resolve("hum.wav"), 130, 0, 0);
        noPause = preparation.prepare(hum, shared.resolve("hum"));
    }

    @Test
    void twentyFiveMinutesAreCutAtTheirPausesIntoThreeChunksOfAtMostTenMinutes() throws Exception {
        List<Chunk> planned =
                ChunkPlan.of(twentyFiveMinutes, ChunkLimits.ofSeconds(600)).chunks();

        assertThat(planned).hasSize(3);
        assertThat(planned.getFirst().start()).isZero();
        assertThat(planned.getLast().end()).isCloseTo(1500, within(0.1));
        assertThat(planned.get(0).end()).as("in the pause at 578-580 s").isCloseTo(579, within(0.1));
        assertThat(planned.get(1).end()).as("in the pause at 1158-1160 s").isCloseTo(1159, within(0.1));
        assertThat(planned.get(1).start()).isEqualTo(planned.get(0).end());
        assertThat(planned.get(2).start()).isEqualTo(planned.get(1).end());
        assertEveryChunkFileMatchesItsPlan(twentyFiveMinutes, planned, 600);
    }

    @Test
    void aRecordingWithoutPausesIsCutHardAtTheMaximum() throws Exception {
        assertThat(noPause.silences()).isEmpty();

        List<Chunk> planned = ChunkPlan.of(noPause, new ChunkLimits(60, ChunkLimits.DEFAULT_MAX_BYTES))
                .chunks();

        assertThat(planned).extracting(Chunk::end).containsExactly(60.0, 120.0, noPause.durationSeconds());
        assertEveryChunkFileMatchesItsPlan(noPause, planned, 60);
    }

    @Test
    void aChunkRefusedAsTooLargeIsCutAgainInHalves() throws Exception {
        ChunkPlan plan = ChunkPlan.of(twentyFiveMinutes, ChunkLimits.ofSeconds(600));
        Chunk refused = plan.chunks().get(1);

        List<Chunk> again =
                plan.startingAt(refused.start(), refused.index()).smaller().chunks();

        assertThat(again.getFirst().start()).isEqualTo(refused.start());
        assertThat(again.getFirst().index()).isEqualTo(refused.index());
        assertThat(again)
                .extracting(Chunk::end)
                .satisfiesExactly(
                        end -> assertThat(end).as("pause at 868-870 s").isCloseTo(869, within(0.1)),
                        end -> assertThat(end).as("pause at 1158-1160 s").isCloseTo(1159, within(0.1)),
                        end -> assertThat(end).as("pause at 1448-1450 s").isCloseTo(1449, within(0.1)),
                        end -> assertThat(end).isEqualTo(twentyFiveMinutes.durationSeconds()));
        assertEveryChunkFileMatchesItsPlan(twentyFiveMinutes, again, 300);
    }

    @Test
    void everyChunkFileStaysUnderATinyByteLimit() throws Exception {
        long maxBytes = 100_000;
        AudioChunks tiny = new AudioChunks(TestMedia.TOOLS, TestMedia.SUBPROCESS, maxBytes);
        List<Chunk> planned =
                ChunkPlan.of(noPause, new ChunkLimits(600, maxBytes)).chunks();

        assertThat(planned).hasSize(6);
        for (Chunk chunk : planned) {
            assertThat(Files.size(tiny.cut(noPause, chunk, dir))).isLessThanOrEqualTo(maxBytes);
        }
    }

    @Test
    void aChunkFileOverTheByteLimitIsRefusedAndRemoved() throws Exception {
        AudioChunks strict = new AudioChunks(TestMedia.TOOLS, TestMedia.SUBPROCESS, 100_000);
        Chunk minute = new Chunk(0, 0, 60);

        assertThatThrownBy(() -> strict.cut(noPause, minute, dir))
                .isInstanceOfSatisfying(ChunkTooLargeException.class, e -> {
                    assertThat(e.chunk()).isEqualTo(minute);
                    assertThat(e.bytes()).isGreaterThan(100_000);
                });
        assertThat(dir).isEmptyDirectory();
    }

    private void assertEveryChunkFileMatchesItsPlan(PreparedAudio audio, List<Chunk> planned, double maxSeconds)
            throws Exception {
        for (Chunk chunk : planned) {
            assertThat(chunk.durationSeconds()).isLessThanOrEqualTo(maxSeconds);
            Path file = chunks.cut(audio, chunk, dir);
            TestMedia.Probed probed = TestMedia.probe(file);
            assertThat(probed.channels()).as("channels of %s", file).isEqualTo(1);
            assertThat(probed.sampleRate()).as("sample rate of %s", file).isEqualTo(16_000);
            assertThat(probed.durationSeconds())
                    .as("duration of %s", file)
                    .isCloseTo(chunk.durationSeconds(), within(0.1));
        }
    }
}
