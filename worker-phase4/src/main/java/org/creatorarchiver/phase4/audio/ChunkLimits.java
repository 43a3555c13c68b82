package org.creatorarchiver.phase4.audio;

/**
 * How long a chunk may be: at most {@code maxSeconds} (the {@code transcription.chunk_seconds} setting) and small
 * enough that its {@link CompactAudio} file stays within {@code maxBytes}.
 */
public record ChunkLimits(double maxSeconds, long maxBytes) {

    /** The request limit of OpenAI's and Groq's transcription endpoints (25 MB). */
    public static final long API_REQUEST_LIMIT_BYTES = 25_000_000;
    /** The file's share of a request: the rest of the 25 MB is left for the multipart headers and form fields. */
    public static final long DEFAULT_MAX_BYTES = 24_000_000;
    /**
     * What a file holds beyond its audio frames (an ID3 tag and the Xing/LAME header frame), plus one frame more
     * than planned, which a stream-copied cut may keep at either end.
     */
    static final long FILE_OVERHEAD_BYTES = 8 * 1024;
    /** Below this, halving again would not help: a server refusing 15 s of audio (60 kB) refuses everything. */
    public static final double MIN_SECONDS = 15;

    public ChunkLimits {
        if (!(maxSeconds >= MIN_SECONDS)) {
            throw new IllegalArgumentException(
                    "chunks must be allowed at least " + MIN_SECONDS + " s, got " + maxSeconds);
        }
        if (maxBytes < FILE_OVERHEAD_BYTES + MIN_SECONDS * CompactAudio.bytesPerSecond()) {
            throw new IllegalArgumentException(
                    "chunks must be allowed at least " + MIN_SECONDS + " s of audio in bytes, got " + maxBytes);
        }
    }

    /** The setting's length, with the default byte limit. */
    public static ChunkLimits ofSeconds(int chunkSeconds) {
        return new ChunkLimits(chunkSeconds, DEFAULT_MAX_BYTES);
    }

    /** The longest chunk both limits allow. */
    public double secondsPerChunk() {
        return Math.min(maxSeconds, (maxBytes - FILE_OVERHEAD_BYTES) / CompactAudio.bytesPerSecond());
    }

    /** Whether {@link #halved()} is possible. */
    public boolean canHalve() {
        return secondsPerChunk() / 2 >= MIN_SECONDS;
    }

    /**
     * Half the length, so half the bytes: for a server that refused a chunk as too large (HTTP 413), whose real
     * limit is lower than assumed.
     *
     * @throws IllegalStateException when the halves would be under {@link #MIN_SECONDS}
     */
    public ChunkLimits halved() {
        if (!canHalve()) {
            throw new IllegalStateException("chunks of " + secondsPerChunk() + " s cannot be halved any further");
        }
        return new ChunkLimits(secondsPerChunk() / 2, maxBytes);
    }
}
