package org.creatorarchiver.orchestrator.web.sources;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.jooq.impl.DSL.count;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.orchestrator.sources.SourceLimits;
import org.creatorarchiver.orchestrator.web.Forms;
import org.creatorarchiver.orchestrator.web.PageRoutes;
import org.creatorarchiver.orchestrator.web.Show;
import org.creatorarchiver.orchestrator.web.WebPages;
import org.creatorarchiver.queue.JobQueue;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * {@code /sources}: every creator with its status, last sync and last error, what it holds, and its own duration
 * limit; actions: re-sync (new posts since the last sync), full re-sync (every post again) and set or clear the
 * limit. A re-sync that already waits in the queue is not enqueued twice.
 */
public final class SourcesPages implements WebPages {

    private final DSLContext dsl;
    private final JobQueue queue;
    private final SourceLimits limits;

    public SourcesPages(DSLContext dsl, JobQueue queue) {
        this.dsl = dsl;
        this.queue = queue;
        this.limits = new SourceLimits(dsl);
    }

    @Override
    public void addTo(PageRoutes routes) {
        routes.page(
                "/sources",
                ctx -> new PageRoutes.View("sources.jte", Map.of("sources", rows(), "notice", notice(ctx))));
        routes.action("/sources/{source_id}/resync", ctx -> resync(ctx, false));
        routes.action("/sources/{source_id}/full-resync", ctx -> resync(ctx, true));
        routes.action("/sources/{source_id}/limit", this::setLimit);
    }

    private void resync(Context ctx, boolean full) {
        long sourceId = existing(ctx);
        boolean enqueued = queue.enqueueUnlessWaiting(JobTypes.SYNC_CREATOR, new JobTypes.SyncCreator(sourceId, full))
                .isPresent();
        queue.enqueueUnlessWaiting(JobTypes.SYNC_COLLECTIONS, new JobTypes.SyncCollections(sourceId));
        Forms.back(ctx, "/sources?source=" + sourceId + "&did=" + (enqueued ? (full ? "full" : "resync") : "waiting"));
    }

    private void setLimit(Context ctx) {
        long sourceId = existing(ctx);
        String text = ctx.formParam("limit");
        OptionalInt seconds;
        try {
            seconds = text == null || text.isBlank() ? OptionalInt.empty() : SourceLimits.parseLimit(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("limit " + e.getMessage());
        }
        limits.setLimit(sourceId, seconds);
        Forms.back(ctx, "/sources?source=" + sourceId + "&did=limit");
    }

    private long existing(Context ctx) {
        long sourceId = Forms.pathId(ctx, "source_id");
        if (!dsl.fetchExists(SOURCES, SOURCES.ID.eq(sourceId))) {
            throw new NotFoundResponse("no source " + sourceId);
        }
        return sourceId;
    }

    private List<SourceRow> rows() {
        Map<Long, Integer> posts = countsBySource(POSTS, POSTS.SOURCE_ID, DSL.noCondition());
        Map<Long, Integer> videos = countsBySource(VIDEOS, VIDEOS.SOURCE_ID, DSL.noCondition());
        Map<Long, Integer> skipped = countsBySource(VIDEOS, VIDEOS.SOURCE_ID, VIDEOS.STATUS.eq(VideoStatus.skipped));
        return limits.all().stream()
                .map(source -> row(source, posts, videos, skipped))
                .toList();
    }

    /** Rows of {@code table} per source (the source_id indexes make it an index scan). */
    private Map<Long, Integer> countsBySource(Table<?> table, Field<Long> sourceId, Condition where) {
        return dsl.select(sourceId, count())
                .from(table)
                .where(where)
                .groupBy(sourceId)
                .fetchMap(sourceId, count());
    }

    private static SourceRow row(
            SourcesRecord source, Map<Long, Integer> posts, Map<Long, Integer> videos, Map<Long, Integer> skipped) {
        return new SourceRow(
                source.getId(),
                Show.creator(source.getName(), source.getVanity(), source.getId()),
                source.getUrl(),
                source.getStatus().getLiteral(),
                source.getLastSyncedAt() == null
                        ? null
                        : source.getLastSyncedAt().toInstant(),
                source.getLastError(),
                posts.getOrDefault(source.getId(), 0),
                videos.getOrDefault(source.getId(), 0),
                skipped.getOrDefault(source.getId(), 0),
                source.getMaxVideoDurationSeconds());
    }

    private static String notice(Context ctx) {
        String source = ctx.queryParam("source");
        String did = ctx.queryParam("did");
        if (source == null || did == null || !source.matches("\\d{1,18}")) {
            return "";
        }
        return switch (did) {
            case "resync" -> "Source " + source + ": a re-sync is queued (new posts since the last sync).";
            case "full" -> "Source " + source + ": a full re-sync is queued (every post again).";
            case "waiting" -> "Source " + source + ": a sync of it already waits in the queue.";
            case "limit" -> "Source " + source + ": duration limit saved.";
            default -> "";
        };
    }
}
