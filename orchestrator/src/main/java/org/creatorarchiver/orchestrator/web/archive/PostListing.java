package org.creatorarchiver.orchestrator.web.archive;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.util.List;
import java.util.Optional;
import org.creatorarchiver.orchestrator.web.Show;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record4;
import org.jooq.SelectSeekStep1;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The archive's lists: creators with how many posts they have, and one creator's posts newest first, a page at a
 * time, all of them or those whose title or text match a search (the {@code post_search} vectors, GIN-indexed).
 */
final class PostListing {

    private static final Field<Integer> MEDIA_ITEMS =
            DSL.field(DSL.selectCount().from(POST_MEDIA).where(POST_MEDIA.POST_ID.eq(POSTS.ID)));

    private static final List<SortField<?>> NEWEST_FIRST =
            List.of(POSTS.PUBLISHED_AT.desc().nullsLast(), POSTS.ID.desc());

    private final DSLContext dsl;

    PostListing(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<CreatorRow> creators() {
        return creatorsWhere(DSL.trueCondition()).fetch(PostListing::creatorRow);
    }

    Optional<CreatorRow> creator(long sourceId) {
        return creatorsWhere(SOURCES.ID.eq(sourceId)).fetchOptional(PostListing::creatorRow);
    }

    private SelectSeekStep1<Record4<Long, String, String, Integer>, Long> creatorsWhere(Condition which) {
        return dsl.select(SOURCES.ID, SOURCES.NAME, SOURCES.VANITY, DSL.count(POSTS.ID))
                .from(SOURCES)
                .leftJoin(POSTS)
                .on(POSTS.SOURCE_ID.eq(SOURCES.ID))
                .where(which)
                .groupBy(SOURCES.ID)
                .orderBy(SOURCES.ID);
    }

    private static CreatorRow creatorRow(Record4<Long, String, String, Integer> row) {
        return new CreatorRow(row.value1(), Show.creator(row.value2(), row.value3(), row.value1()), row.value4());
    }

    long countPosts(long sourceId, Optional<String> query) {
        return dsl.fetchCount(dsl.selectOne().from(POSTS).where(matching(sourceId, query)));
    }

    /**
     * Newest first; posts without a date last, ties by id (the order of {@code posts_source_id_published_at_idx}). The
     * page's ids are picked first, on the index alone, so the rows skipped by a deep page cost an index entry each
     * rather than a media count each.
     */
    List<PostSummaryRow> page(long sourceId, Optional<String> query, long offset, int size) {
        Table<Record1<Long>> pageIds = dsl.select(POSTS.ID)
                .from(POSTS)
                .where(matching(sourceId, query))
                .orderBy(NEWEST_FIRST)
                .limit(size)
                .offset(offset)
                .asTable("page_ids");
        return summaries(pageIds);
    }

    private List<PostSummaryRow> summaries(Table<Record1<Long>> pageIds) {
        return dsl.select(
                        POSTS.ID,
                        POSTS.TITLE,
                        POSTS.PUBLISHED_AT,
                        POSTS.POST_TYPE,
                        POSTS.STATUS,
                        POSTS.IS_LOCKED,
                        MEDIA_ITEMS)
                .from(POSTS)
                .join(pageIds)
                .on(POSTS.ID.eq(pageIds.field(POSTS.ID)))
                .orderBy(NEWEST_FIRST)
                .fetch(PostListing::summary);
    }

    private static Condition matching(long sourceId, Optional<String> query) {
        Condition ofSource = POSTS.SOURCE_ID.eq(sourceId);
        if (query.isEmpty()) {
            return ofSource;
        }
        // post_search is kept by triggers alone (V3) and is not among jOOQ's generated tables.
        Field<Long> postId = DSL.field(DSL.name("post_search", "post_id"), Long.class);
        Condition matches = DSL.condition(
                "{0} @@ archiver_search_query({1})",
                DSL.field(DSL.name("post_search", "search_vector")), DSL.val(query.get()));
        return ofSource.and(POSTS.ID.in(
                DSL.select(postId).from(DSL.table(DSL.name("post_search"))).where(matches)));
    }

    private static PostSummaryRow summary(Record row) {
        var published = row.get(POSTS.PUBLISHED_AT);
        return new PostSummaryRow(
                row.get(POSTS.ID),
                row.get(POSTS.TITLE),
                published == null ? null : published.toInstant(),
                row.get(POSTS.POST_TYPE),
                row.get(POSTS.STATUS).getLiteral(),
                row.get(POSTS.IS_LOCKED),
                row.get(MEDIA_ITEMS));
    }
}
