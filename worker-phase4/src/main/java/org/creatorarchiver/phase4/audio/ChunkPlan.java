package org.creatorarchiver.phase4.audio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a recording is cut into chunks: ordered chunks that cover it from an offset to its end without gap or
 * overlap, none longer than the {@link ChunkLimits} allow. Each cut falls in the middle of the latest silence that
 * ends a chunk of between half and the whole allowed length; without such a silence, the chunk is cut hard at the
 * allowed length (a chunk cut at a silence early in its window would waste requests, one far from silence splits a
 * word, which Whisper copes with better than with many short chunks). Pure: no files, no programs.
 */
public final class ChunkPlan {

    /** The last chunk never gets shorter than this (the API refuses audio under 0.1 s; a word needs more). */
    static final double MIN_LAST_CHUNK_SECONDS = 1.0;
    /** Time differences below this are rounding, not audio (an MP3 frame lasts 36 ms). */
    private static final double EPSILON = 1e-3;

    private final double durationSeconds;
    private final List<Silence> silences;
    private final ChunkLimits limits;
    private final double offset;
    private final int firstIndex;
    private final List<Chunk> chunks;

    private ChunkPlan(
            double durationSeconds, List<Silence> silences, ChunkLimits limits, double offset, int firstIndex) {
        if (!(durationSeconds > 0) || !(offset >= 0) || firstIndex < 0) {
            throw new IllegalArgumentException(
                    "cannot plan " + durationSeconds + " s from " + offset + " s, chunk " + firstIndex);
        }
        this.durationSeconds = durationSeconds;
        this.silences = silences.stream()
                .sorted(Comparator.comparingDouble(Silence::start))
                .toList();
        this.limits = Objects.requireNonNull(limits, "limits");
        this.offset = offset;
        this.firstIndex = firstIndex;
        this.chunks = plan();
    }

    /** The whole recording, from 0 s and chunk 0. */
    public static ChunkPlan of(double durationSeconds, List<Silence> silences, ChunkLimits limits) {
        return new ChunkPlan(durationSeconds, silences, limits, 0, 0);
    }

    /** The whole prepared recording, from 0 s and chunk 0. */
    public static ChunkPlan of(PreparedAudio audio, ChunkLimits limits) {
        return of(audio.durationSeconds(), audio.silences(), limits);
    }

    /**
     * The same recording planned from {@code offsetSeconds} on, its first chunk numbered {@code firstIndex}: a job
     * resumed after a crash continues from the end of the last chunk already transcribed ({@code end_seconds},
     * {@code chunk_index + 1}). Empty when nothing is left.
     */
    public ChunkPlan startingAt(double offsetSeconds, int firstIndex) {
        return new ChunkPlan(durationSeconds, silences, limits, offsetSeconds, firstIndex);
    }

    /**
     * The same span (this plan's offset to the end) with {@linkplain ChunkLimits#halved() halved limits}: after an
     * HTTP 413 for chunk {@code c}, {@code plan.startingAt(c.start(), c.index()).smaller()}.
     *
     * @throws IllegalStateException when the limits cannot be halved any further ({@link #canBeSmaller()})
     */
    public ChunkPlan smaller() {
        return new ChunkPlan(durationSeconds, silences, limits.halved(), offset, firstIndex);
    }

    /** Whether {@link #smaller()} is possible. */
    public boolean canBeSmaller() {
        return limits.canHalve();
    }

    /** The chunks in time order; empty when the offset is the end of the recording. */
    public List<Chunk> chunks() {
        return chunks;
    }

    public ChunkLimits limits() {
        return limits;
    }

    private List<Chunk> plan() {
        double longest = limits.secondsPerChunk();
        List<Chunk> planned = new ArrayList<>();
        double start = offset;
        while (durationSeconds - start > EPSILON) {
            double end = durationSeconds - start <= longest ? durationSeconds : cutAfter(start, longest);
            planned.add(new Chunk(firstIndex + planned.size(), start, end));
            start = end;
        }
        return List.copyOf(planned);
    }

    /** Where the chunk starting at {@code start} ends, when the rest of the recording is longer than one chunk. */
    private double cutAfter(double start, double longest) {
        double earliest = start + longest / 2;
        double latest = Math.min(start + longest, durationSeconds - MIN_LAST_CHUNK_SECONDS);
        return latestSilenceBetween(earliest, latest).map(Silence::middle).orElse(latest);
    }

    /** The latest silence's part inside [{@code from}, {@code to}]; silences never overlap (silencedetect). */
    private Optional<Silence> latestSilenceBetween(double from, double to) {
        for (Silence silence : silences.reversed()) {
            Optional<Silence> inside = silence.within(from, to);
            if (inside.isPresent()) {
                return inside;
            }
        }
        return Optional.empty();
    }
}
