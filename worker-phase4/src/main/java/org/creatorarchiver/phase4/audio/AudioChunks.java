package org.creatorarchiver.phase4.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.creatorarchiver.config.ExternalTools;
import org.creatorarchiver.queue.JobFailure;
import org.creatorarchiver.tools.Command;
import org.creatorarchiver.tools.Subprocess;
import org.creatorarchiver.tools.Tool;

/**
 * Writes one chunk of a {@link PreparedAudio} to its own file, by stream copy: the MP3 frames between the chunk's
 * start and end are copied as they are, without decoding. Copying cuts on frame boundaries (36 ms at 16 kHz), which
 * is exact enough: the cut lies in a silence, and Whisper's own timestamps are no finer than 20 ms. Re-encoding
 * would cut to the sample but decode and encode the whole recording a second time (half the speed) and add a
 * second generation of MP3 loss. The one artefact of a copy, the first frame of a chunk borrowing bits from the
 * frame before it (MP3's bit reservoir), costs at most 36 ms of sound, inside that silence.
 */
public final class AudioChunks {

    /** Copying frames is disk-bound: even the last chunk of a 10-hour file (144 MB) is read in seconds. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final String ffmpeg;
    private final Subprocess subprocess;
    private final long maxBytes;

    /** Cuts with the configured ffmpeg, each file checked against {@code maxBytes} (see {@link ChunkLimits}). */
    public AudioChunks(ExternalTools tools, Subprocess subprocess, long maxBytes) {
        this.ffmpeg = Tool.FFMPEG.command(tools);
        this.subprocess = subprocess;
        this.maxBytes = maxBytes;
    }

    /**
     * Writes {@code dir/chunk-NNNN.mp3} (NNNN the chunk's index; the directory is created if needed, an earlier
     * file of that name replaced).
     *
     * @throws ChunkTooLargeException the file is over the byte limit (it is deleted)
     * @throws JobFailure             ffmpeg failed or cannot run, or the directory cannot be written (retried)
     */
    public Path cut(PreparedAudio audio, Chunk chunk, Path dir) throws JobFailure, InterruptedException {
        Path file = dir.resolve(String.format(Locale.ROOT, "chunk-%04d%s", chunk.index(), CompactAudio.EXTENSION));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw JobFailure.retry("cannot create the chunk directory " + dir + ": " + e, e);
        }
        subprocess.run(copy(
                audio.file().toAbsolutePath(), chunk, dir, file.getFileName().toString()));
        long bytes = size(file);
        if (bytes > maxBytes) {
            delete(file);
            throw new ChunkTooLargeException(chunk, file, bytes, maxBytes);
        }
        return file;
    }

    private Command copy(Path source, Chunk chunk, Path dir, String fileName) {
        // -ss/-to after -i: ffmpeg reads from the start and drops the frames before the chunk, which in a test came
        // out one frame closer to the plan than seeking the input (and reading frames is cheap).
        List<String> arguments = FfmpegArguments.of(
                ffmpeg,
                source,
                fileName,
                List.of("-ss", seconds(chunk.start()), "-to", seconds(chunk.end())),
                List.of("-map", "0:a:0", "-c", "copy"));
        return new Command("ffmpeg cut of chunk " + chunk.index() + " from " + source, arguments, dir, TIMEOUT);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static long size(Path file) throws JobFailure {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw JobFailure.retry("ffmpeg left no chunk file " + file + ": " + e, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Only disk space is at stake: the work directory is removed with the job.
        }
    }
}
