package org.creatorarchiver.orchestrator.web.skipped;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.creatorarchiver.orchestrator.videos.ProcessAnyway;
import org.creatorarchiver.orchestrator.videos.SkippedVideos;
import org.creatorarchiver.orchestrator.videos.SkippedVideosReport;
import org.creatorarchiver.orchestrator.web.Forms;
import org.creatorarchiver.orchestrator.web.PageRoutes;
import org.creatorarchiver.orchestrator.web.Paging;
import org.creatorarchiver.orchestrator.web.WebPages;
import org.jooq.DSLContext;

/**
 * {@code /skipped}: the videos over their duration limit, newest first, paged and filtered by source, with the
 * sources more than half of whose videos were skipped, and "Process anyway" per row (the same as the CLI's
 * {@code process-anyway}: the video's post is queued again and this video is let through once).
 */
public final class SkippedPages implements WebPages {

    static final int PAGE_SIZE = 50;

    private final SkippedVideos skipped;
    private final ProcessAnyway processAnyway;

    public SkippedPages(DSLContext dsl, ProcessAnyway processAnyway) {
        this.skipped = new SkippedVideos(dsl);
        this.processAnyway = processAnyway;
    }

    @Override
    public void addTo(PageRoutes routes) {
        routes.page("/skipped", this::page);
        routes.action("/skipped/{video_id}/process-anyway", this::processAnyway);
    }

    /** One read of the report: its totals count every match, whatever page is listed. */
    private PageRoutes.View page(Context ctx) {
        OptionalLong sourceId = Forms.queryId(ctx, "source_id");
        int page = Paging.requestedPage(ctx);
        SkippedVideosReport report = skipped.report(sourceId, PAGE_SIZE, (long) (page - 1) * PAGE_SIZE);
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("paging", new Paging(page, PAGE_SIZE, report.totalSkipped()));
        model.put("filter", sourceId.isPresent() ? "source_id=" + sourceId.getAsLong() + "&" : "");
        model.put("sourceId", sourceId.isPresent() ? String.valueOf(sourceId.getAsLong()) : "");
        model.put("processed", processed(ctx));
        return new PageRoutes.View("skipped.jte", model);
    }

    private void processAnyway(Context ctx) {
        long videoId = Forms.pathId(ctx, "video_id");
        try {
            ProcessAnyway.Outcome outcome = processAnyway.apply(videoId);
            Forms.back(ctx, "/skipped?processed=" + outcome.videoId());
        } catch (ProcessAnyway.RefusedException e) {
            ctx.status(HttpStatus.CONFLICT).contentType("text/html; charset=utf-8");
            ctx.result(PageRoutes.html(ctx, new PageRoutes.View("refused.jte", Map.of("message", e.getMessage()))));
        }
    }

    /** The video the last "Process anyway" queued, from the redirect's query. */
    private static String processed(Context ctx) {
        String video = ctx.queryParam("processed");
        return video != null && video.matches("\\d{1,18}") ? video : "";
    }
}
