package org.creatorarchiver.orchestrator.status;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.jooq.impl.DSL.count;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.costs.Spending;
import org.creatorarchiver.orchestrator.videos.SkipAlerts;
import org.creatorarchiver.queue.QueueInspector;
import org.creatorarchiver.queue.Queues;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Reads a {@link SystemStatus} from Redis (queues, heartbeats) and PostgreSQL (rows by status, today's spending
 * against {@code budget} at {@code clock}'s time).
 */
public final class SystemStatusReader {

    private final QueueInspector queues;
    private final DSLContext dsl;
    private final Settings.Budget budget;
    private final Clock clock;

    public SystemStatusReader(QueueInspector queues, DSLContext dsl, Settings.Budget budget, Clock clock) {
        this.queues = queues;
        this.dsl = dsl;
        this.budget = budget;
        this.clock = clock;
    }

    public SystemStatus read() {
        return new SystemStatus(
                queues.counts(Queues.ALL),
                workers(),
                countByStatus(SOURCES, SOURCES.STATUS, DSL.trueCondition()),
                countByStatus(POSTS, POSTS.STATUS, DSL.trueCondition()),
                videosByStatus(OptionalLong.empty()),
                countByStatus(TRANSCRIPTS, TRANSCRIPTS.STATUS, DSL.trueCondition()),
                new SkipAlerts(dsl).all(),
                Spending.read(dsl, clock, budget));
    }

    /** Videos per status (every status present), of one source when {@code sourceId} is given. */
    public Map<String, Long> videosByStatus(OptionalLong sourceId) {
        return countByStatus(
                VIDEOS,
                VIDEOS.STATUS,
                sourceId.isPresent() ? VIDEOS.SOURCE_ID.eq(sourceId.getAsLong()) : DSL.trueCondition());
    }

    /** Live workers (heartbeat present), one entry per queue they consume. */
    public List<SystemStatus.WorkerQueue> workers() {
        List<SystemStatus.WorkerQueue> workers = new ArrayList<>();
        queues.liveWorkers()
                .forEach(worker -> worker.queues()
                        .forEach(queueName -> workers.add(new SystemStatus.WorkerQueue(worker.id(), queueName))));
        workers.sort((a, b) -> a.id().equals(b.id()) ? a.queue().compareTo(b.queue()) : a.id().compareTo(b.id()));
        return workers;
    }

    /** Every status of the enum, zero included, so scripts can rely on the keys being there. */
    private <E extends Enum<E> & EnumType> Map<String, Long> countByStatus(
            Table<?> table, Field<E> status, Condition where) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (E value : status.getType().getEnumConstants()) {
            counts.put(value.getLiteral(), 0L);
        }
        dsl.select(status, count())
                .from(table)
                .where(where)
                .groupBy(status)
                .forEach(row ->
                        counts.put(row.value1().getLiteral(), row.value2().longValue()));
        return counts;
    }
}
