package org.creatorarchiver.phase4.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkPlanTest {

    private static final ChunkLimits TEN_MINUTES = ChunkLimits.ofSeconds(600);
    /** Two-second pauses ending every 290 s, like the 25-minute recording of the ffmpeg tests. */
    private static final List<Silence> EVERY_290_S = List.of(
            new Silence(288, 290),
            new Silence(578, 580),
            new Silence(868, 870),
            new Silence(1158, 1160),
            new Silence(1448, 1450));

    @Test
    void eachCutFallsInTheMiddleOfTheLatestSilenceWithinTheAllowedLength() {
        ChunkPlan plan = ChunkPlan.of(1500, EVERY_290_S, TEN_MINUTES);

        assertThat(plan.chunks())
                .containsExactly(new Chunk(0, 0, 579), new Chunk(1, 579, 1159), new Chunk(2, 1159, 1500));
    }

    @Test
    void withoutSilenceTheCutsFallHardAtTheMaximum() {
        assertThat(ChunkPlan.of(1500, List.of(), TEN_MINUTES).chunks())
                .containsExactly(new Chunk(0, 0, 600), new Chunk(1, 600, 1200), new Chunk(2, 1200, 1500));
    }

    @Test
    void aSilenceBeforeHalfTheMaximumIsTooEarlyToCutAt() {
        List<Silence> early = List.of(new Silence(100, 102), new Silence(290, 298));

        assertThat(ChunkPlan.of(1000, early, TEN_MINUTES).chunks().getFirst()).isEqualTo(new Chunk(0, 0, 600));
    }

    @Test
    void aSilenceAcrossTheMaximumIsCutInTheMiddleOfItsAllowedPart() {
        List<Silence> across = List.of(new Silence(590, 610));

        assertThat(ChunkPlan.of(1000, across, TEN_MINUTES).chunks().getFirst().end())
                .isEqualTo(595);
    }

    @Test
    void aRecordingNoLongerThanTheMaximumIsOneChunk() {
        assertThat(ChunkPlan.of(600, EVERY_290_S.subList(0, 2), TEN_MINUTES).chunks())
                .containsExactly(new Chunk(0, 0, 600));
    }

    @Test
    void theLastChunkIsNeverTooShortForTheApi() {
        List<Chunk> chunks = ChunkPlan.of(1200.5, List.of(), TEN_MINUTES).chunks();

        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(1).end()).isEqualTo(1199.5);
        assertThat(chunks.getLast().durationSeconds()).isEqualTo(ChunkPlan.MIN_LAST_CHUNK_SECONDS);
    }

    @Test
    void aResumedJobContinuesFromTheEndOfTheLastChunkTranscribed() {
        ChunkPlan whole = ChunkPlan.of(1500, EVERY_290_S, TEN_MINUTES);
        Chunk done = whole.chunks().getFirst();

        ChunkPlan rest = whole.startingAt(done.end(), done.index() + 1);

        assertThat(rest.chunks()).isEqualTo(whole.chunks().subList(1, 3));
        assertThat(whole.startingAt(1500, 3).chunks()).as("nothing left").isEmpty();
    }

    @Test
    void aRefusedChunkIsPlannedAgainWithHalfTheMaximum() {
        ChunkPlan whole = ChunkPlan.of(1500, List.of(), TEN_MINUTES);
        Chunk refused = whole.chunks().get(1);

        ChunkPlan smaller = whole.startingAt(refused.start(), refused.index()).smaller();

        assertThat(smaller.limits().secondsPerChunk()).isEqualTo(300);
        assertThat(smaller.chunks())
                .containsExactly(new Chunk(1, 600, 900), new Chunk(2, 900, 1200), new Chunk(3, 1200, 1500));
    }

    @Test
    void halvingStopsAtFifteenSeconds() {
        ChunkPlan plan = ChunkPlan.of(100, List.of(), new ChunkLimits(40, ChunkLimits.DEFAULT_MAX_BYTES));

        ChunkPlan smaller = plan.smaller();

        assertThat(smaller.chunks())
                .allSatisfy(chunk -> assertThat(chunk.durationSeconds()).isLessThanOrEqualTo(20));
        assertThat(smaller.canBeSmaller()).isFalse();
        assertThatThrownBy(smaller::smaller).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theByteLimitShortensChunksAtTheOutputBitrate() {
        ChunkLimits tiny = new ChunkLimits(600, 200_000);
        double seconds = (200_000 - ChunkLimits.FILE_OVERHEAD_BYTES) / 4000.0;

        ChunkPlan plan = ChunkPlan.of(1500, EVERY_290_S, tiny);

        assertThat(tiny.secondsPerChunk()).isCloseTo(seconds, within(1e-9));
        assertThat(plan.chunks()).hasSizeGreaterThanOrEqualTo((int) Math.ceil(1500 / seconds));
        assertThat(plan.chunks())
                .allSatisfy(chunk -> assertThat(chunk.durationSeconds()).isLessThanOrEqualTo(seconds));
    }

    @Test
    void anyPlanCoversItsSpanWithoutGapsOrOverlapsInChunksOfTheAllowedLength() {
        Random random = new Random(15);
        for (int round = 0; round < 500; round++) {
            double duration = 1 + random.nextDouble() * 7200;
            List<Silence> silences = randomSilences(random, duration);
            ChunkLimits limits = new ChunkLimits(15 + random.nextInt(1200), ChunkLimits.DEFAULT_MAX_BYTES);
            double offset = random.nextBoolean() ? 0 : random.nextDouble() * duration;

            assertCovers(ChunkPlan.of(duration, silences, limits).startingAt(offset, 4), offset, duration);
        }
    }

    private static void assertCovers(ChunkPlan plan, double offset, double duration) {
        double longest = plan.limits().secondsPerChunk();
        double expectedStart = offset;
        int expectedIndex = 4;
        for (Chunk chunk : plan.chunks()) {
            assertThat(chunk.start()).isEqualTo(expectedStart);
            assertThat(chunk.index()).isEqualTo(expectedIndex++);
            // start + longest - start may round a few ulps above longest: no audio is in those.
            assertThat(chunk.durationSeconds()).isLessThanOrEqualTo(longest + 1e-9);
            if (chunk.end() < duration) {
                assertThat(chunk.durationSeconds()).isGreaterThanOrEqualTo(longest / 2 - 1e-9);
            }
            expectedStart = chunk.end();
        }
        assertThat(expectedStart).isCloseTo(duration, within(1e-3));
    }

    private static List<Silence> randomSilences(Random random, double duration) {
        List<Silence> silences = new ArrayList<>();
        double at = random.nextDouble() * 60;
        while (at < duration) {
            double end = Math.min(duration, at + 0.5 + random.nextDouble() * 5);
            silences.add(new Silence(at, end));
            at = end + random.nextDouble() * 400;
        }
        return silences;
    }
}
