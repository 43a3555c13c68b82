package org.creatorarchiver.phase2.post;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.states.PostStates;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;

/** The {@code posts} row's side of phase 2: details written, or the failure recorded. */
public final class PostDetailsWriter {

    private final Clock clock;

    public PostDetailsWriter(Clock clock) {
        this.clock = clock;
    }

    /** Title, dates, type, text, access and the fresh raw JSON; the post is {@code completed} (locked ones too). */
    public void completed(DSLContext tx, long postId, PostPage page) {
        PostStates.move(
                tx,
                PostStates.Move.COMPLETE,
                PostStatus.completed,
                POSTS.ID.eq(postId),
                update -> update.set(details(page)).setNull(POSTS.LAST_ERROR));
    }

    private Map<Field<?>, Object> details(PostPage page) {
        var summary = page.summary();
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(POSTS.URL, summary.url());
        columns.put(POSTS.TITLE, summary.title());
        columns.put(POSTS.POST_TYPE, summary.postType());
        columns.put(POSTS.PUBLISHED_AT, offset(summary.publishedAt()));
        columns.put(POSTS.EDITED_AT, offset(summary.editedAt()));
        columns.put(POSTS.IS_LOCKED, summary.locked());
        columns.put(POSTS.TEASER_TEXT, summary.teaserText());
        columns.put(POSTS.CONTENT_HTML, page.content().html());
        columns.put(POSTS.CONTENT_TEXT, page.content().text());
        columns.put(POSTS.RAW, JSONB.valueOf(page.document().root().toString()));
        columns.put(POSTS.DETAILS_EXTRACTED_AT, now());
        return columns;
    }

    private static final List<Field<?>> PROCESSING_RESULT = Stream.concat(
                    Arrays.stream(POSTS.fields()), Stream.of(SOURCES.MAX_VIDEO_DURATION_SECONDS))
            .toList();

    /** A post just marked {@code processing}, with its source's own video duration limit (null: the global one). */
    public record ProcessingPost(PostsRecord post, Integer sourceDurationLimit) {}

    /**
     * Marks the post {@code processing}, counted as an attempt, and reads it with its source's duration limit in the
     * same statement (one round trip instead of three on every post). Empty when the post no longer exists.
     */
    public Optional<ProcessingPost> processing(DSLContext dsl, long postId) {
        return dsl.update(POSTS)
                .set(PostStates.target(PostStates.Move.TAKE_UP, PostStatus.processing))
                .set(POSTS.ATTEMPTS, POSTS.ATTEMPTS.plus(1))
                .from(SOURCES)
                .where(
                        POSTS.ID.eq(postId),
                        SOURCES.ID.eq(POSTS.SOURCE_ID),
                        PostStates.leavable(PostStates.Move.TAKE_UP))
                // The table's own fields, not posts.*: the row has columns jOOQ does not map (the search vector).
                .returningResult(PROCESSING_RESULT)
                .fetchOptional()
                .map(row -> new ProcessingPost(row.into(POSTS), row.get(SOURCES.MAX_VIDEO_DURATION_SECONDS)));
    }

    public void failed(DSLContext dsl, long postId, String reason) {
        PostStates.move(
                dsl,
                PostStates.Move.FAIL,
                PostStatus.failed,
                POSTS.ID.eq(postId),
                update -> update.set(POSTS.LAST_ERROR, reason));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static OffsetDateTime offset(java.time.Instant time) {
        return time == null ? null : OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }
}
