package org.creatorarchiver.orchestrator.web.archive;

import static org.creatorarchiver.db.generated.Tables.COLLECTIONS;
import static org.creatorarchiver.db.generated.Tables.COLLECTION_POSTS;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.util.List;
import java.util.Optional;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.orchestrator.web.Show;
import org.creatorarchiver.orchestrator.web.security.CreatorHtml;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** A post's page: the post, its sanitized text, its media, its collections and its neighbours in the creator's list. */
final class PostPageReader {

    private final DSLContext dsl;
    private final PostMediaReader media;

    PostPageReader(DSLContext dsl, PostMediaReader media) {
        this.dsl = dsl;
        this.media = media;
    }

    Optional<PostPage> of(long postId) {
        Record row = dsl.select(POSTS.fields())
                .select(SOURCES.NAME, SOURCES.VANITY)
                .from(POSTS)
                .join(SOURCES)
                .on(SOURCES.ID.eq(POSTS.SOURCE_ID))
                .where(POSTS.ID.eq(postId))
                .fetchOne();
        return Optional.ofNullable(row).map(this::page);
    }

    private PostPage page(Record row) {
        PostsRecord post = row.into(POSTS);
        return new PostPage(
                post.getId(),
                post.getSourceId(),
                Show.creator(row.get(SOURCES.NAME), row.get(SOURCES.VANITY), post.getSourceId()),
                post.getTitle(),
                post.getPublishedAt() == null ? null : post.getPublishedAt().toInstant(),
                post.getPostType(),
                Show.httpUrl(post.getUrl()),
                post.getIsLocked(),
                post.getStatus().getLiteral(),
                CreatorHtml.sanitize(post.getContentHtml()),
                post.getContentText() == null ? "" : post.getContentText(),
                media.of(post.getId()),
                collections(post),
                neighbour(post, true),
                neighbour(post, false));
    }

    private List<String> collections(PostsRecord post) {
        return dsl.select(COLLECTIONS.TITLE)
                .from(COLLECTION_POSTS)
                .join(COLLECTIONS)
                .on(COLLECTIONS.ID.eq(COLLECTION_POSTS.COLLECTION_ID))
                .where(COLLECTION_POSTS.POST_EXTERNAL_ID.eq(post.getExternalId()))
                .and(COLLECTIONS.SOURCE_ID.eq(post.getSourceId()))
                .orderBy(COLLECTIONS.TITLE)
                .fetch(row -> row.value1() == null ? "(untitled collection)" : row.value1());
    }

    /**
     * The creator's post just newer (or older) than this one in the list's order (published_at descending, undated
     * posts last, ties by id descending). Dated and undated posts are looked up apart, each one range of
     * posts_source_id_published_at_idx: a condition spanning both would make PostgreSQL read every newer post first.
     */
    private Long neighbour(PostsRecord post, boolean newer) {
        Condition source = POSTS.SOURCE_ID.eq(post.getSourceId());
        Condition dated = POSTS.PUBLISHED_AT.isNotNull();
        Condition undated = POSTS.PUBLISHED_AT.isNull();
        if (post.getPublishedAt() == null) {
            Condition beside = undated.and(newer ? POSTS.ID.gt(post.getId()) : POSTS.ID.lt(post.getId()));
            Long found = first(source.and(beside), newer);
            return found != null || !newer ? found : first(source.and(dated), true);
        }
        var key = DSL.row(POSTS.PUBLISHED_AT, POSTS.ID);
        var here = DSL.row(DSL.val(post.getPublishedAt()), DSL.val(post.getId()));
        Long found = first(source.and(newer ? key.gt(here) : key.lt(here)), newer);
        return found != null || newer ? found : first(source.and(undated), false);
    }

    /** The first post matching {@code where} in the list's order ({@code ascending}: the reverse). */
    private Long first(Condition where, boolean ascending) {
        List<SortField<?>> order = ascending
                ? List.of(POSTS.PUBLISHED_AT.asc().nullsFirst(), POSTS.ID.asc())
                : List.of(POSTS.PUBLISHED_AT.desc().nullsLast(), POSTS.ID.desc());
        return dsl.select(POSTS.ID)
                .from(POSTS)
                .where(where)
                .orderBy(order)
                .limit(1)
                .fetchOne(POSTS.ID);
    }
}
