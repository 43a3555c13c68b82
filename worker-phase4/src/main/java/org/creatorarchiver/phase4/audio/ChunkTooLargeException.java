package org.creatorarchiver.phase4.audio;

import java.nio.file.Path;
import org.creatorarchiver.queue.JobFailure;

/**
 * A cut chunk's file is over the byte limit: the plan assumed a smaller file than the encoder wrote. The caller
 * re-plans from that chunk with {@link ChunkPlan#smaller()}; left unhandled, the job is retried.
 */
public final class ChunkTooLargeException extends JobFailure {

    private final Chunk chunk;
    private final long bytes;

    ChunkTooLargeException(Chunk chunk, Path file, long bytes, long maxBytes) {
        super(
                RETRY,
                "chunk " + chunk.index() + " (" + chunk.start() + " s to " + chunk.end() + " s) came out at " + bytes
                        + " bytes, over the limit of " + maxBytes + ": " + file,
                null);
        this.chunk = chunk;
        this.bytes = bytes;
    }

    public Chunk chunk() {
        return chunk;
    }

    public long bytes() {
        return bytes;
    }
}
