package org.creatorarchiver.phase4.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.creatorarchiver.bench.BenchSummary;
import org.creatorarchiver.config.ExternalTools;
import org.creatorarchiver.phase4.audio.AudioChunks;
import org.creatorarchiver.phase4.audio.AudioPreparation;
import org.creatorarchiver.phase4.audio.Chunk;
import org.creatorarchiver.phase4.audio.ChunkLimits;
import org.creatorarchiver.phase4.audio.ChunkPlan;
import org.creatorarchiver.phase4.audio.PreparedAudio;
import org.creatorarchiver.tools.Subprocess;

/**
 * Speed of phase 4's audio preparation on one recording: {@link AudioPreparation#prepare} (ffprobe, then one ffmpeg
 * decoding to mono 16 kHz MP3 while finding the silences, then ffprobe), {@link ChunkPlan} at the default 600 s,
 * and {@link AudioChunks#cut} of every chunk, timed from the stored file to the last chunk file, as multiples of the
 * recording's real time (target >= 100x), median of {@code bench.runs}. Also the CPU time the programs used
 * ({@code /proc/self/stat}'s children's times: ffmpeg and ffprobe), which does not depend on what else the machine
 * runs. Run by bench/audio-prep.sh: {@code AudioPrepBench <recording> <work dir>}.
 */
public final class AudioPrepBench {

    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final double TARGET_SPEED = 100;
    private static final long TICKS_PER_SECOND = Long.getLong("bench.clockTicks", 100);

    private final AudioPreparation preparation;
    private final AudioChunks chunks;

    private AudioPrepBench(ExternalTools tools, Subprocess subprocess) {
        this.preparation = new AudioPreparation(tools, subprocess);
        this.chunks = new AudioChunks(tools, subprocess, ChunkLimits.DEFAULT_MAX_BYTES);
    }

    /** One run's figures, in seconds. */
    private record Run(
            double prepare, double plan, double cut, double childCpu, PreparedAudio audio, List<Chunk> chunks) {
        double total() {
            return prepare + plan + cut;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: AudioPrepBench <recording> <work dir>");
            System.exit(2);
        }
        String ffmpeg = System.getenv().getOrDefault("FFMPEG_PATH", "ffmpeg");
        AudioPrepBench bench = new AudioPrepBench(new ExternalTools("yt-dlp", ffmpeg), new Subprocess());
        Path recording = Path.of(args[0]);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(bench.run(recording, Path.of(args[1]).resolve("run-" + i)));
        }
        report(recording, runs);
    }

    private Run run(Path recording, Path workDir) throws Exception {
        long cpuBefore = childCpuTicks();
        long start = System.nanoTime();
        PreparedAudio audio = preparation.prepare(recording, workDir);
        long prepared = System.nanoTime();
        List<Chunk> planned = ChunkPlan.of(audio, ChunkLimits.ofSeconds(600)).chunks();
        long planDone = System.nanoTime();
        long bytes = 0;
        for (Chunk chunk : planned) {
            bytes += Files.size(chunks.cut(audio, chunk, workDir.resolve("chunks")));
        }
        long cut = System.nanoTime();
        double childCpu = (double) (childCpuTicks() - cpuBefore) / TICKS_PER_SECOND;
        if (bytes == 0 || planned.getLast().end() != audio.durationSeconds()) {
            throw new IllegalStateException("the chunks do not cover the recording: " + planned);
        }
        return new Run(
                seconds(start, prepared),
                seconds(prepared, planDone),
                seconds(planDone, cut),
                childCpu,
                audio,
                planned);
    }

    private static void report(Path recording, List<Run> runs) throws Exception {
        Run median = runs.stream()
                .sorted(Comparator.comparingDouble(Run::total))
                .toList()
                .get(runs.size() / 2);
        double duration = median.audio().durationSeconds();
        double speed = duration / median.total();
        System.out.printf(
                Locale.ROOT,
                "audio preparation: %s (%.1f MiB, %.0f s of audio), median of %d runs%n",
                recording.getFileName(),
                Files.size(recording) / 1048576.0,
                duration,
                runs.size());
        System.out.printf(Locale.ROOT, "%-62s %8s %10s%n", "step", "seconds", "x realtime");
        row("prepare: ffprobe + ffmpeg to mono 16 kHz MP3 with silencedetect", median.prepare(), duration);
        row(
                "plan: " + median.chunks().size() + " chunks of <= 600 s at "
                        + median.audio().silences().size() + " silences",
                median.plan(),
                duration);
        row("cut: " + median.chunks().size() + " chunk files by stream copy", median.cut(), duration);
        row("total", median.total(), duration);
        System.out.printf(
                Locale.ROOT,
                "CPU time of ffmpeg and ffprobe: %.1f s (%.0fx realtime per core busy)%n",
                median.childCpu(),
                duration / median.childCpu());
        System.out.printf(
                Locale.ROOT,
                "speed: %.0fx realtime (target >= %.0fx: %s)%n",
                speed,
                TARGET_SPEED,
                speed >= TARGET_SPEED ? "met" : "MISSED");
        BenchSummary.put("audio.speed_x", speed);
        BenchSummary.put("audio.cpu_speed_x", duration / median.childCpu());
        BenchSummary.put("audio.duration_s", duration);
        BenchSummary.put("audio.chunks", median.chunks().size());
    }

    private static void row(String step, double seconds, double duration) {
        System.out.printf(Locale.ROOT, "%-62s %8.2f %10.0f%n", step, seconds, duration / seconds);
    }

    /** User + system time of the children this JVM has waited for (fields 16 and 17 of /proc/self/stat). */
    private static long childCpuTicks() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // The command name in parentheses may hold spaces: the fields are counted after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
