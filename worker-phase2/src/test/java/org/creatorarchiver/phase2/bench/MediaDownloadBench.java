package org.creatorarchiver.phase2.bench;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.creatorarchiver.bench.BenchSummary;
import org.creatorarchiver.http.HttpClientSettings;
import org.creatorarchiver.http.HttpClients;
import org.creatorarchiver.media.HashingDownload;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.media.StoredFile;
import org.creatorarchiver.phase2.fetch.DirectDownload;
import org.creatorarchiver.phase2.fetch.FetchedFile;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.jooq.DSLContext;

/**
 * Download throughput of one large local file through phase 2's own path ({@link DirectDownload} on the media HTTP
 * client, hashing while streaming to {@code MEDIA_DIR/tmp}, then {@link MediaStore#store} with its row in
 * PostgreSQL), next to {@code curl -o /dev/null} of the same URL and {@code sha256sum} of the same file, measured in
 * the same run (median of {@code bench.runs}), and the heap this JVM used while downloading. Run with a small
 * {@code -Xmx} by bench/media-download.sh: {@code MediaDownloadBench <file> <url> <media dir>}.
 */
public final class MediaDownloadBench {

    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final double TARGET_RATIO = 0.80;
    private static final long HEAP_GROWTH_LIMIT = 64L << 20;
    private static final double MIB = 1 << 20;

    private final Path file;
    private final String url;
    private final DSLContext db;
    private final MediaStore store;
    private final DirectDownload download;
    private final Path tempDir;

    private MediaDownloadBench(Path file, String url, Path mediaDir, HttpClients http) throws IOException {
        this.file = file;
        this.url = url;
        this.db = TestDatabase.migrated();
        this.store = new MediaStore(mediaDir, db);
        this.download = new DirectDownload(http.media());
        this.tempDir = store.tempDir("bench-download");
    }

    /** What the archiver's path did in one run. */
    private record Archived(double seconds, String sha256, HeapUse heap) {}

    /**
     * Heap bytes in use: after a forced GC before the download, the highest sample during it (garbage not yet
     * collected included, so an upper bound of what the download needs), and after a forced GC once it is stored.
     */
    private record HeapUse(long before, long peak, long after) {
        long growth() {
            return peak - before;
        }
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: MediaDownloadBench <file> <url> <media dir>");
            System.exit(2);
        }
        HttpClientSettings settings = HttpClientSettings.of(
                null, null, null, Duration.ofSeconds(300), HttpClientSettings.DEFAULT_REQUESTS_PER_SECOND);
        try (HttpClients http = HttpClients.create(settings, TestServices.redisson(), Clock.systemUTC())) {
            new MediaDownloadBench(Path.of(args[0]), args[1], Path.of(args[2]), http).run();
        } catch (Exception | Error e) {
            // An OutOfMemoryError under the bench's small heap is a result too: reported, not left hanging.
            System.err.println("media-download: " + e);
            // Exits rather than returns: the shared test Redisson client keeps non-daemon threads alive.
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        TestDatabase.truncateAll();
        long size = Files.size(file);
        // Warm-up: the JIT compiles the copy loop, and every tool then reads the file from the page cache.
        archive();
        runTool("curl", "-sS", "--fail", "-o", "/dev/null", url);

        List<Double> curl = new ArrayList<>();
        List<Double> sha256sum = new ArrayList<>();
        List<Double> hashOnly = new ArrayList<>();
        List<Archived> archived = new ArrayList<>();
        String expectedHash = null;
        for (int run = 0; run < RUNS; run++) {
            curl.add(timed(() -> runTool("curl", "-sS", "--fail", "-o", "/dev/null", url)));
            String[] hash = new String[1];
            sha256sum.add(
                    timed(() -> hash[0] = runTool("sha256sum", file.toString()).split("\\s+")[0]));
            expectedHash = hash[0];
            hashOnly.add(timed(() -> HashingDownload.hashOf(file)));
            archived.add(archive());
        }
        for (Archived run : archived) {
            if (!run.sha256().equals(expectedHash)) {
                throw new IllegalStateException("the archiver stored SHA-256 " + run.sha256() + " but sha256sum says "
                        + expectedHash + " for " + file);
            }
        }
        report(size, median(curl), median(sha256sum), median(hashOnly), archived);
    }

    /** One download through the worker's path, timed from the request to the committed row; then undone. */
    private Archived archive() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        HeapSampler sampler = HeapSampler.start(memory);
        long start = System.nanoTime();
        FetchedFile fetched =
                download.fetch(url, tempDir, Optional.of(file.getFileName().toString()));
        StoredFile stored = store.store(fetched.file(), fetched.contentType(), fetched.extension(), (tx, id) -> {});
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = sampler.stop();
        memory.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        // The next run must store a new file again, not link the one already there.
        Files.delete(store.pathOf(stored.path()));
        db.deleteFrom(MEDIA_FILES).where(MEDIA_FILES.ID.eq(stored.id())).execute();
        return new Archived(seconds, fetched.file().sha256(), new HeapUse(before, peak, after));
    }

    private void report(long size, double curl, double sha256sum, double hashOnly, List<Archived> archived) {
        double archiver = median(archived.stream().map(Archived::seconds).toList());
        double slowerTool = Math.max(curl, sha256sum);
        String slowerName = curl >= sha256sum ? "curl" : "sha256sum";
        double ratio = slowerTool / archiver;
        System.out.printf(
                Locale.ROOT,
                "media download: %.0f MiB file served over HTTP on 127.0.0.1 from disk, " + "median of %d runs%n",
                size / MIB,
                RUNS);
        System.out.printf(Locale.ROOT, "%-64s %8s %9s%n", "run", "seconds", "MiB/s");
        row("curl -s -o /dev/null URL", curl, size);
        row("sha256sum FILE", sha256sum, size);
        row("(for reference) SHA-256 of FILE in this JVM, no HTTP, no write", hashOnly, size);
        row("phase 2: DirectDownload + HashingDownload + MediaStore.store", archiver, size);
        System.out.printf(
                Locale.ROOT,
                "phase 2 / slower of curl and sha256sum (%s): %.0f%% (target >= %.0f%%: %s); "
                        + "phase 2 / curl: %.0f%%%n",
                slowerName,
                100 * ratio,
                100 * TARGET_RATIO,
                ratio >= TARGET_RATIO ? "met" : "MISSED",
                100 * curl / archiver);

        HeapUse worst = archived.stream()
                .max((a, b) -> Long.compare(a.heap().growth(), b.heap().growth()))
                .orElseThrow()
                .heap();
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(
                Locale.ROOT,
                "worker heap during a download (this JVM, max heap %.0f MiB, worst of %d runs): "
                        + "%.1f MiB in use before, peak %.1f MiB while downloading (growth %.1f MiB, uncollected garbage "
                        + "included), %.1f MiB after a GC (retained %+.1f MiB); target growth < %d MiB: %s%n",
                maxHeap / MIB,
                RUNS,
                worst.before() / MIB,
                worst.peak() / MIB,
                worst.growth() / MIB,
                worst.after() / MIB,
                (worst.after() - worst.before()) / MIB,
                HEAP_GROWTH_LIMIT >> 20,
                worst.growth() < HEAP_GROWTH_LIMIT ? "met" : "MISSED");
        BenchSummary.put("media.size_mib", size / MIB);
        BenchSummary.put("media.runs", RUNS);
        BenchSummary.put("media.curl_mib_per_s", size / MIB / curl);
        BenchSummary.put("media.sha256sum_mib_per_s", size / MIB / sha256sum);
        BenchSummary.put("media.phase2_mib_per_s", size / MIB / archiver);
        BenchSummary.put("media.share_of_slower", ratio);
        BenchSummary.put("media.slower_tool", slowerName);
        BenchSummary.put("media.heap_growth_mib", worst.growth() / MIB);
        BenchSummary.put("media.max_heap_mib", maxHeap / MIB);
    }

    private static void row(String label, double seconds, long size) {
        System.out.printf(Locale.ROOT, "%-64s %8.2f %9.0f%n", label, seconds, size / MIB / seconds);
    }

    /** Runs a command to its end and returns its standard output; a non-zero exit fails the bench naming it. */
    private static String runTool(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with status " + status);
        }
        return out;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static double timed(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Samples the heap in use every few milliseconds on a daemon thread, keeping the highest value. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private HeapSampler(MemoryMXBean memory) {
            thread = Thread.ofPlatform().daemon().name("heap-sampler").unstarted(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HeapSampler start(MemoryMXBean memory) {
            HeapSampler sampler = new HeapSampler(memory);
            sampler.thread.start();
            return sampler;
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return peak.get();
        }
    }
}
