package org.creatorarchiver.orchestrator.web.search;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.creatorarchiver.orchestrator.search.ArchiveSearch;
import org.creatorarchiver.orchestrator.search.SearchResults;
import org.creatorarchiver.orchestrator.web.Forms;
import org.creatorarchiver.orchestrator.web.PageRoutes;
import org.creatorarchiver.orchestrator.web.WebPages;
import org.jooq.DSLContext;

/** {@code /search}: posts, transcripts and summaries matching words (English and Spanish stems), best first. */
public final class SearchPages implements WebPages {

    static final int SHOWN = 50;

    private final ArchiveSearch search;

    public SearchPages(DSLContext dsl) {
        this.search = new ArchiveSearch(dsl);
    }

    @Override
    public void addTo(PageRoutes routes) {
        routes.page("/search", this::page);
    }

    private PageRoutes.View page(Context ctx) {
        String query =
                Optional.ofNullable(ctx.queryParam("q")).map(String::strip).orElse("");
        OptionalLong sourceId = Forms.queryId(ctx, "source_id");
        SearchResults results =
                query.isEmpty() ? new SearchResults(0, java.util.List.of()) : search.search(query, sourceId, SHOWN);
        return new PageRoutes.View("search.jte", Map.of("query", query, "results", results));
    }
}
