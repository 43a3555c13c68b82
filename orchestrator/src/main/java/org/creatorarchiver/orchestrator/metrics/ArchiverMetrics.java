package org.creatorarchiver.orchestrator.metrics;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.sum;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.creatorarchiver.orchestrator.status.SystemStatusReader;
import org.creatorarchiver.queue.JobOutcome;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.jooq.DSLContext;

/**
 * The Prometheus metrics of {@code GET /metrics}, read from Redis and PostgreSQL at scrape time (the orchestrator
 * keeps no state of its own, so any number of them report the same figures).
 * Jobs done, given up, retried and dead-lettered per queue are the counters every worker keeps in Redis
 * ({@link JobQueue#outcomeCounts}).
 */
public final class ArchiverMetrics {

    static final List<String> QUEUE_STATES = List.of("ready", "delayed", "processing", "dead");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<MetricsSnapshot> latest = new AtomicReference<>(MetricsSnapshot.EMPTY);
    private final JobQueue queue;
    private final SystemStatusReader status;
    private final DSLContext dsl;

    public ArchiverMetrics(JobQueue queue, SystemStatusReader status, DSLContext dsl) {
        this.queue = queue;
        this.status = status;
        this.dsl = dsl;
        registerQueueDepths();
        registerJobOutcomes();
        registerArchiveFigures();
    }

    private void registerQueueDepths() {
        for (String name : Queues.ALL) {
            for (String state : QUEUE_STATES) {
                Gauge.builder("archiver.queue.jobs", latest, ref -> ref.get().queueDepth(name, state))
                        .description("Jobs in a queue by where they are (Redis, at scrape time)")
                        .tag("queue", name)
                        .tag("state", state)
                        .register(registry);
            }
        }
    }

    private void registerJobOutcomes() {
        for (String name : Queues.ALL) {
            for (JobOutcome outcome : JobQueue.COUNTED_OUTCOMES) {
                FunctionCounter.builder(
                                "archiver.jobs", latest, ref -> ref.get().outcomes(name, outcome))
                        .description("Deliveries of a queue's jobs by how they ended, counted by the workers")
                        .tag("queue", name)
                        .tag("outcome", outcome.label())
                        .register(registry);
            }
        }
    }

    private void registerArchiveFigures() {
        Gauge.builder(
                        "archiver.videos.skipped",
                        latest,
                        ref -> ref.get().videos().getOrDefault("skipped", 0L))
                .description("Videos with status skipped (over the duration limit)")
                .register(registry);
        Gauge.builder("archiver.downloaded", latest, ref -> ref.get().bytesDownloaded())
                .description("Bytes stored in the media store (sum of media_files.file_size; deduplicated)")
                .baseUnit("bytes")
                .register(registry);
    }

    /** Reads the current figures, then renders every series in Prometheus' text format. */
    public String scrape() {
        Map<String, Map<JobOutcome, Long>> outcomes = new java.util.LinkedHashMap<>();
        for (String name : Queues.ALL) {
            outcomes.put(name, queue.outcomeCounts(name));
        }
        latest.set(new MetricsSnapshot(
                queue.counts(Queues.ALL), outcomes, status.videosByStatus(OptionalLong.empty()), bytesDownloaded()));
        return registry.scrape();
    }

    /** The content type of {@link #scrape()}'s text. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    private long bytesDownloaded() {
        return dsl.select(coalesce(sum(MEDIA_FILES.FILE_SIZE), BigDecimal.ZERO))
                .from(MEDIA_FILES)
                .fetchOne(0, Long.class);
    }
}
