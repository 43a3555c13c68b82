package org.creatorarchiver.phase4.audio;

/**
 * One piece of a recording sent in one transcription request: [{@code start}, {@code end}) in seconds from the start
 * of the whole recording, which is also what its segments' times are shifted by.
 *
 * @param index its place in the recording (0 for the first), the key of its {@code transcript_chunks} row
 */
public record Chunk(int index, double start, double end) {

    public Chunk {
        if (index < 0) {
            throw new IllegalArgumentException("a chunk index is 0 or more, got " + index);
        }
        if (!(start >= 0) || !(end > start)) {
            throw new IllegalArgumentException("a chunk runs forward from 0 or later, got " + start + " to " + end);
        }
    }

    public double durationSeconds() {
        return end - start;
    }
}
