package org.creatorarchiver.orchestrator.web.overview;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.creatorarchiver.queue.JobOutcome;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs done and failed per minute over the last hour, for the overview's chart. The queues already count every
 * delivery's ending in Redis, forever; this samples those totals a few times a minute and keeps, per minute, the
 * last totals seen, so a minute's figure is its totals minus the previous minute's. It lives in {@code serve}'s
 * memory: the chart starts empty after a restart and fills as the minutes pass.
 */
public final class Throughput implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Throughput.class);
    static final int MINUTES = 60;
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

    /** Per-minute figures, oldest first; a minute without a sample before it has none (null). */
    public record Series(List<Long> minutes, List<Long> done, List<Long> failed) {}

    private final JobQueue queue;
    private final Clock clock;
    private final ConcurrentSkipListMap<Long, long[]> lastTotalsByMinute = new ConcurrentSkipListMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("throughput-sampler").factory());

    public Throughput(JobQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    public Throughput start() {
        long period = SAMPLE_EVERY.toMillis();
        sampler.scheduleAtFixedRate(this::sampleQuietly, 0, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reads the totals now and files them under the current minute. */
    void sample() {
        long done = 0;
        long failed = 0;
        for (String name : Queues.ALL) {
            Map<JobOutcome, Long> counts = queue.outcomeCounts(name);
            done += counts.getOrDefault(JobOutcome.SUCCEEDED, 0L);
            failed += counts.getOrDefault(JobOutcome.FAILED_PERMANENTLY, 0L)
                    + counts.getOrDefault(JobOutcome.RETRY_SCHEDULED, 0L)
                    + counts.getOrDefault(JobOutcome.DEAD_LETTERED, 0L);
        }
        long minute = currentMinute();
        lastTotalsByMinute.put(minute, new long[] {done, failed});
        lastTotalsByMinute.headMap(minute - MINUTES - 1).clear();
    }

    /** The last hour, one entry per minute (epoch seconds of its start), the current minute last. */
    public Series lastHour() {
        long now = currentMinute();
        List<Long> minutes = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (long minute = now - MINUTES + 1; minute <= now; minute++) {
            long[] end = lastTotalsByMinute.get(minute);
            long[] start = lastTotalsByMinute.get(minute - 1);
            minutes.add(minute * 60);
            done.add(end == null || start == null ? null : Math.max(0, end[0] - start[0]));
            failed.add(end == null || start == null ? null : Math.max(0, end[1] - start[1]));
        }
        return new Series(minutes, done, failed);
    }

    private long currentMinute() {
        return clock.instant().getEpochSecond() / 60;
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.debug("cannot sample the job counters: {}", e.toString());
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
