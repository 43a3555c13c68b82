package org.creatorarchiver.orchestrator.web.archive;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.orchestrator.web.Forms;
import org.creatorarchiver.orchestrator.web.PageRoutes;
import org.creatorarchiver.orchestrator.web.Paging;
import org.creatorarchiver.orchestrator.web.WebPages;
import org.jooq.DSLContext;

/**
 * The archive browser: {@code /archive} (the creators), {@code /archive/creators/{id}} (a creator's posts newest
 * first, paged, searchable) and {@code /archive/posts/{id}} (one post: its sanitized text, every media item playable
 * or labelled, transcripts and summaries, collections, and links to the posts around it).
 */
public final class ArchivePages implements WebPages {

    static final int PAGE_SIZE = 30;

    private final PostListing listing;
    private final PostPageReader posts;

    public ArchivePages(DSLContext dsl, Settings.Summary summarySettings) {
        this.listing = new PostListing(dsl);
        this.posts = new PostPageReader(dsl, new PostMediaReader(dsl, new RecordingTranscripts(dsl, summarySettings)));
    }

    @Override
    public void addTo(PageRoutes routes) {
        routes.page("/archive", ctx -> new PageRoutes.View("archive.jte", Map.of("creators", listing.creators())));
        routes.page("/archive/creators/{source_id}", this::creator);
        routes.page("/archive/posts/{post_id}", ctx -> new PageRoutes.View("post.jte", Map.of("post", post(ctx))));
    }

    private PageRoutes.View creator(Context ctx) {
        long sourceId = Forms.pathId(ctx, "source_id");
        CreatorRow creator =
                listing.creator(sourceId).orElseThrow(() -> new NotFoundResponse("no creator " + sourceId));
        Optional<String> query =
                Optional.ofNullable(ctx.queryParam("q")).map(String::strip).filter(q -> !q.isEmpty());
        Paging paging = Paging.of(ctx, PAGE_SIZE, listing.countPosts(sourceId, query));
        return new PageRoutes.View(
                "creator.jte",
                Map.of(
                        "creator", creator,
                        "posts", listing.page(sourceId, query, paging.offset(), PAGE_SIZE),
                        "paging", paging,
                        "query", query.orElse(""),
                        "base", pagerBase(sourceId, query)));
    }

    /** The creator page's address with its search kept, to which the pager adds {@code page=}. */
    private static String pagerBase(long sourceId, Optional<String> query) {
        return "/archive/creators/" + sourceId + "?"
                + query.map(q -> "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&")
                        .orElse("");
    }

    private PostPage post(Context ctx) {
        long postId = Forms.pathId(ctx, "post_id");
        return posts.of(postId).orElseThrow(() -> new NotFoundResponse("no post " + postId));
    }
}
