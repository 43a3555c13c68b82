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
import org.creatorarchiver.tools.FfProbe;
import org.creatorarchiver.tools.Subprocess;
import org.creatorarchiver.tools.Tool;
import org.creatorarchiver.tools.ToolException;

/**
 * Turns a stored recording (a video with sound, or audio in any container ffmpeg reads) into {@link CompactAudio}
 * and finds its silences, in one ffmpeg run so that the file is decoded once: the filter chain resamples to mono
 * 16 kHz, numbers the samples from 0 (so that the silences' times are the output file's, whatever the source's
 * start time or timestamp gaps), and marks the silences, which a metadata filter writes to a file beside the audio.
 * Thread-safe; each call needs its own work directory.
 */
public final class AudioPreparation {

    /** The compact file's name in the work directory. */
    public static final String AUDIO_FILE = "audio" + CompactAudio.EXTENSION;

    static final String SILENCE_FILE = "silences.txt";
    /**
     * Quieter than this for long enough is a silence: -30 dB below full scale is well under a speaking voice and
     * above the hiss of a home recording; 0.5 s is a pause between sentences, longer than the gaps inside words.
     */
    static final String SILENCE_FILTER = "silencedetect=noise=-30dB:duration=0.5";
    /** The slowest ffmpeg is allowed to be, in multiples of real time, before the run is stopped as stuck. */
    private static final double SLOWEST_SPEED = 10;

    private static final Duration SHORTEST_TIMEOUT = Duration.ofMinutes(2);
    /** For a source whose container does not tell its duration: a 10-hour stream at the slowest speed. */
    private static final Duration UNKNOWN_LENGTH_TIMEOUT = Duration.ofHours(1);

    private final String ffmpeg;
    private final MediaProbe probe;
    private final Subprocess subprocess;

    /** Runs the configured ffmpeg and the ffprobe beside it. */
    public AudioPreparation(ExternalTools tools, Subprocess subprocess) {
        this.ffmpeg = Tool.FFMPEG.command(tools);
        this.probe = new MediaProbe(Tool.FFPROBE.command(tools), subprocess, FfProbe.DEFAULT_TIMEOUT);
        this.subprocess = subprocess;
    }

    /**
     * Writes {@code workDir/audio.mp3} (the directory is created if needed; an earlier attempt's files there are
     * replaced) and measures it.
     *
     * @throws JobFailure permanent when {@code storedFile} is not media ffprobe can read or has no audio stream;
     *                    a {@link ToolException} (retried) when ffmpeg or ffprobe fails otherwise or cannot run
     */
    public PreparedAudio prepare(Path storedFile, Path workDir) throws JobFailure, InterruptedException {
        ProbedMedia source = readableSource(storedFile);
        if (!source.hasAudio()) {
            throw JobFailure.permanent(storedFile + " has no audio stream to transcribe (its streams: "
                    + (source.streamTypes().isEmpty() ? "none" : String.join(", ", source.streamTypes())) + ")");
        }
        Path audio = workDir.resolve(AUDIO_FILE);
        Path silenceLog = workDir.resolve(SILENCE_FILE);
        clear(workDir, audio, silenceLog);
        subprocess.run(extraction(storedFile.toAbsolutePath(), workDir, timeoutFor(source)));
        double seconds = playingSeconds(audio);
        return new PreparedAudio(audio, seconds, SilenceLog.parse(read(silenceLog), seconds));
    }

    private ProbedMedia readableSource(Path storedFile) throws JobFailure, InterruptedException {
        try {
            return probe.probe(storedFile);
        } catch (ToolException e) {
            if (e.kind() != ToolException.Kind.FAILED) {
                throw e;
            }
            throw JobFailure.permanent(
                    storedFile + " is not media that ffmpeg can read (damaged or not audio/video): " + e.summary(), e);
        }
    }

    private Command extraction(Path source, Path workDir, Duration timeout) {
        String filters = String.join(
                ",",
                "aformat=sample_rates=" + CompactAudio.SAMPLE_RATE + ":channel_layouts=mono",
                "asetpts=N/SR/TB",
                SILENCE_FILTER,
                // A name relative to the working directory: a path would need escaping in the filter syntax.
                "ametadata=mode=print:file=" + SILENCE_FILE);
        List<String> arguments = FfmpegArguments.of(
                ffmpeg,
                source,
                AUDIO_FILE,
                List.of("-map", "0:a:0", "-vn", "-sn", "-dn"),
                List.of("-af", filters),
                List.of("-c:a", CompactAudio.CODEC, "-b:a", String.valueOf(CompactAudio.BITS_PER_SECOND)));
        return new Command("ffmpeg audio extraction of " + source, arguments, workDir, timeout);
    }

    /** Generous for any healthy run, yet a stuck ffmpeg does not hold a transcription slot for hours. */
    private static Duration timeoutFor(ProbedMedia source) {
        if (source.duration().isEmpty()) {
            return UNKNOWN_LENGTH_TIMEOUT;
        }
        Duration scaled = Duration.ofMillis((long) (source.duration().getAsDouble() * 1000 / SLOWEST_SPEED));
        return scaled.compareTo(SHORTEST_TIMEOUT) > 0 ? scaled : SHORTEST_TIMEOUT;
    }

    private double playingSeconds(Path audio) throws JobFailure, InterruptedException {
        double seconds = probe.probe(audio).playingSeconds().orElse(0);
        if (!(seconds > 0)) {
            throw JobFailure.permanent(String.format(
                    Locale.ROOT,
                    "the audio extracted to %s plays for no time (%.3f s): nothing to transcribe",
                    audio,
                    seconds));
        }
        return seconds;
    }

    private static void clear(Path workDir, Path... leftovers) throws JobFailure {
        try {
            Files.createDirectories(workDir);
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException e) {
            throw JobFailure.retry("cannot prepare the work directory " + workDir + ": " + e, e);
        }
    }

    private static String read(Path silenceLog) throws JobFailure {
        try {
            // No silence marked at all: ffmpeg may not even create the file.
            return Files.exists(silenceLog) ? Files.readString(silenceLog) : "";
        } catch (IOException e) {
            throw JobFailure.retry("cannot read the silences ffmpeg found, " + silenceLog + ": " + e, e);
        }
    }
}
