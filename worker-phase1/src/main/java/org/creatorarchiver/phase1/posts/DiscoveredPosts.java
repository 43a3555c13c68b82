package org.creatorarchiver.phase1.posts;

import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.patreon.posts.PostSummary;
import org.creatorarchiver.phase1.duration.DiscoverySkips;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.creatorarchiver.db.generated.Tables.POSTS;

/**
 * Stores the posts of one listing page in one transaction (all or nothing) and says which need phase 2. A post
 * needs it when it is new, when its {@code edited_at} or its viewability changed (a patron who upgraded sees what was
 * locked), or when it was stored before but its job never made it to the queue (the status is still
 * {@code discovered}); a known, unchanged post is not written at all.
 */
public final class DiscoveredPosts {

    private final DSLContext dsl;
    private final DiscoverySkips skips;
    private final Clock clock;

    public DiscoveredPosts(DSLContext dsl, DiscoverySkips skips, Clock clock) {
        this.dsl = dsl;
        this.skips = skips;
        this.clock = clock;
    }

    /** @param durationLimitSeconds the source's video duration limit */
    public StoredPage store(long sourceId, List<PostSummary> posts, int durationLimitSeconds) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            Map<String, PostsRecord> known = tx.selectFrom(POSTS)
                    .where(POSTS.SOURCE_ID.eq(sourceId), POSTS.EXTERNAL_ID.in(posts.stream().map(PostSummary::externalId).toList()))
                    .forUpdate()
                    .fetchMap(POSTS.EXTERNAL_ID);
            List<Long> toProcess = new ArrayList<>();
            int created = 0;
            int edited = 0;
            int skipped = 0;
            Instant newestStoredAt = null;
            for (PostSummary post : posts) {
                PostsRecord existing = known.get(post.externalId());
                if (existing != null) {
                    Instant storedAt = existing.getCreatedAt().toInstant();
                    newestStoredAt = newestStoredAt == null || storedAt.isAfter(newestStoredAt) ? storedAt : newestStoredAt;
                }
                if (existing != null && !changed(existing, post)) {
                    if (existing.getStatus() == PostStatus.discovered) {
                        toProcess.add(existing.getId());
                    }
                    continue;
                }
                long postId = upsert(tx, sourceId, post);
                toProcess.add(postId);
                if (existing == null) {
                    created++;
                } else {
                    edited++;
                }
                if (skips.check(tx, sourceId, postId, post, durationLimitSeconds)) {
                    skipped++;
                }
            }
            return new StoredPage(posts.size(), List.copyOf(toProcess), created, edited, skipped,
                    created > 0 ? null : newestStoredAt);
        });
    }

    private static boolean changed(PostsRecord stored, PostSummary listed) {
        return !Objects.equals(instant(stored.getEditedAt()), listed.editedAt()) || stored.getIsLocked() != listed.locked();
    }

    private long upsert(DSLContext tx, long sourceId, PostSummary post) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        JSONB raw = JSONB.valueOf(post.raw().toString());
        return tx.insertInto(POSTS)
                .set(POSTS.SOURCE_ID, sourceId)
                .set(POSTS.EXTERNAL_ID, post.externalId())
                .set(POSTS.URL, post.url())
                .set(POSTS.TITLE, post.title())
                .set(POSTS.POST_TYPE, post.postType())
                .set(POSTS.PUBLISHED_AT, offset(post.publishedAt()))
                .set(POSTS.EDITED_AT, offset(post.editedAt()))
                .set(POSTS.IS_LOCKED, post.locked())
                .set(POSTS.TEASER_TEXT, post.teaserText())
                .set(POSTS.RAW, raw)
                .set(POSTS.STATUS, PostStatus.discovered)
                .onConflict(POSTS.SOURCE_ID, POSTS.EXTERNAL_ID)
                .doUpdate()
                .set(POSTS.URL, post.url())
                .set(POSTS.TITLE, post.title())
                .set(POSTS.POST_TYPE, post.postType())
                .set(POSTS.PUBLISHED_AT, offset(post.publishedAt()))
                .set(POSTS.EDITED_AT, offset(post.editedAt()))
                .set(POSTS.IS_LOCKED, post.locked())
                .set(POSTS.TEASER_TEXT, post.teaserText())
                .set(POSTS.RAW, raw)
                .set(POSTS.STATUS, PostStatus.discovered)
                .set(POSTS.UPDATED_AT, now)
                .returning(POSTS.ID)
                .fetchSingle(POSTS.ID);
    }

    /** After their jobs are in the queue; a post phase 2 has already taken up keeps its newer status. */
    public void markQueued(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return;
        }
        dsl.update(POSTS)
                .set(POSTS.STATUS, PostStatus.queued)
                .where(POSTS.ID.in(postIds), POSTS.STATUS.eq(PostStatus.discovered))
                .execute();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime offset(Instant time) {
        return time == null ? null : OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }
}
