package org.creatorarchiver.phase2.post;

import org.creatorarchiver.db.generated.enums.PostStatus;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.creatorarchiver.db.generated.Tables.POSTS;

/** The {@code posts} row's side of phase 2: details written, or the failure recorded. */
public final class PostDetailsWriter {

    private final Clock clock;

    public PostDetailsWriter(Clock clock) {
        this.clock = clock;
    }

    /** Title, dates, type, text, access and the fresh raw JSON; the post is {@code completed} (locked ones too). */
    public void completed(DSLContext tx, long postId, PostPage page) {
        var summary = page.summary();
        tx.update(POSTS)
                .set(POSTS.URL, summary.url())
                .set(POSTS.TITLE, summary.title())
                .set(POSTS.POST_TYPE, summary.postType())
                .set(POSTS.PUBLISHED_AT, offset(summary.publishedAt()))
                .set(POSTS.EDITED_AT, offset(summary.editedAt()))
                .set(POSTS.IS_LOCKED, summary.locked())
                .set(POSTS.TEASER_TEXT, summary.teaserText())
                .set(POSTS.CONTENT_HTML, page.content().html())
                .set(POSTS.CONTENT_TEXT, page.content().text())
                .set(POSTS.RAW, JSONB.valueOf(page.document().root().toString()))
                .set(POSTS.DETAILS_EXTRACTED_AT, now())
                .set(POSTS.STATUS, PostStatus.completed)
                .setNull(POSTS.LAST_ERROR)
                .where(POSTS.ID.eq(postId))
                .execute();
    }

    /** The post is being processed: counted as an attempt. */
    public void processing(DSLContext dsl, long postId) {
        dsl.update(POSTS)
                .set(POSTS.STATUS, PostStatus.processing)
                .set(POSTS.ATTEMPTS, POSTS.ATTEMPTS.plus(1))
                .where(POSTS.ID.eq(postId))
                .execute();
    }

    public void failed(DSLContext dsl, long postId, String reason) {
        dsl.update(POSTS)
                .set(POSTS.STATUS, PostStatus.failed)
                .set(POSTS.LAST_ERROR, reason)
                .where(POSTS.ID.eq(postId))
                .execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static OffsetDateTime offset(java.time.Instant time) {
        return time == null ? null : OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }
}
