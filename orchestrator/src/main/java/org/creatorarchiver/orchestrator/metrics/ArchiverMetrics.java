package org.creatorarchiver.orchestrator.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.creatorarchiver.orchestrator.status.SystemStatusReader;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.sum;

/**
 * The Prometheus metrics of {@code GET /metrics}, read from Redis and PostgreSQL at scrape time (the orchestrator
 * keeps no state of its own, so any number of them report the same figures).
 * <p>
 * Not reported yet: jobs done, failed and retried per queue as counters. The workers do not count them anywhere the
 * orchestrator can read, and inventing them from the queues would be wrong (a dead job sent back by
 * {@code retry-dead} leaves the dead list); the dead list's length is reported as {@code state="dead"}.
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
        for (String name : Queues.ALL) {
            for (String state : QUEUE_STATES) {
                Gauge.builder("archiver.queue.jobs", latest, ref -> ref.get().queueDepth(name, state))
                        .description("Jobs in a queue by where they are (Redis, at scrape time)")
                        .tag("queue", name).tag("state", state)
                        .register(registry);
            }
        }
        Gauge.builder("archiver.videos.skipped", latest, ref -> ref.get().videos().getOrDefault("skipped", 0L))
                .description("Videos with status skipped (over the duration limit)")
                .register(registry);
        Gauge.builder("archiver.downloaded", latest, ref -> ref.get().bytesDownloaded())
                .description("Bytes stored in the media store (sum of media_files.file_size; deduplicated)")
                .baseUnit("bytes")
                .register(registry);
    }

    /** Reads the current figures, then renders every series in Prometheus' text format. */
    public String scrape() {
        latest.set(new MetricsSnapshot(queue.counts(Queues.ALL), status.videosByStatus(OptionalLong.empty()),
                bytesDownloaded()));
        return registry.scrape();
    }

    /** The content type of {@link #scrape()}'s text. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    private long bytesDownloaded() {
        return dsl.select(coalesce(sum(MEDIA_FILES.FILE_SIZE), BigDecimal.ZERO)).from(MEDIA_FILES)
                .fetchOne(0, Long.class);
    }
}
