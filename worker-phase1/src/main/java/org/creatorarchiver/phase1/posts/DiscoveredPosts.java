package org.creatorarchiver.phase1.posts;

import static org.creatorarchiver.db.generated.Tables.POSTS;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.patreon.posts.PostSummary;
import org.creatorarchiver.phase1.duration.DiscoverySkips;
import org.creatorarchiver.states.PostStates;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

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
    public StoredPage store(long sourceId, List<PostSummary> listed, int durationLimitSeconds) {
        // A post listed twice on one page would make the multi-row upsert touch a row twice.
        List<PostSummary> posts = List.copyOf(listed.stream()
                .collect(Collectors.toMap(
                        PostSummary::externalId, post -> post, (first, again) -> first, LinkedHashMap::new))
                .values());
        return dsl.transactionResult(
                configuration -> store(configuration.dsl(), sourceId, posts, durationLimitSeconds));
    }

    private StoredPage store(DSLContext tx, long sourceId, List<PostSummary> posts, int durationLimitSeconds) {
        Map<String, PostsRecord> known = lockKnown(tx, sourceId, posts);
        Triage triage = Triage.of(posts, known);
        Map<String, Long> written = upsert(tx, sourceId, triage.toWrite());
        List<Long> toProcess = new ArrayList<>(triage.toEnqueue());
        triage.toWrite().forEach(post -> toProcess.add(written.get(post.externalId())));
        int skipped = checkSkips(tx, sourceId, triage.toWrite(), written, durationLimitSeconds);
        int created = posts.size() - known.size();
        return new StoredPage(
                posts.size(),
                List.copyOf(toProcess),
                created,
                triage.toWrite().size() - created,
                skipped,
                newestStoredAt(known, created));
    }

    /** The page's posts already stored, locked for the rest of the transaction, by external id. */
    private static Map<String, PostsRecord> lockKnown(DSLContext tx, long sourceId, List<PostSummary> posts) {
        return tx.selectFrom(POSTS)
                .where(
                        POSTS.SOURCE_ID.eq(sourceId),
                        POSTS.EXTERNAL_ID.in(
                                posts.stream().map(PostSummary::externalId).toList()))
                .forUpdate()
                .fetchMap(POSTS.EXTERNAL_ID);
    }

    /**
     * What each listed post needs: to be written (new or changed), or only its job enqueued (stored and unchanged,
     * but its job never made it to the queue).
     */
    private record Triage(List<PostSummary> toWrite, List<Long> toEnqueue) {

        static Triage of(List<PostSummary> posts, Map<String, PostsRecord> known) {
            List<PostSummary> toWrite = new ArrayList<>();
            List<Long> toEnqueue = new ArrayList<>();
            for (PostSummary post : posts) {
                PostsRecord existing = known.get(post.externalId());
                if (existing == null || changed(existing, post)) {
                    toWrite.add(post);
                } else if (existing.getStatus() == PostStatus.discovered) {
                    toEnqueue.add(existing.getId());
                }
            }
            return new Triage(toWrite, toEnqueue);
        }
    }

    /** Records the duration skips among the written posts; returns how many there are. */
    private int checkSkips(
            DSLContext tx, long sourceId, List<PostSummary> written, Map<String, Long> ids, int durationLimitSeconds) {
        int skipped = 0;
        for (PostSummary post : written) {
            if (skips.check(tx, sourceId, ids.get(post.externalId()), post, durationLimitSeconds)) {
                skipped++;
            }
        }
        return skipped;
    }

    /** Null when the page holds a new post. */
    private static Instant newestStoredAt(Map<String, PostsRecord> known, int created) {
        return created > 0
                ? null
                : known.values().stream()
                        .map(row -> row.getCreatedAt().toInstant())
                        .max(Instant::compareTo)
                        .orElse(null);
    }

    /**
     * A cheap hint, read outside any transaction: whether every post of the page is stored with its job enqueued, so
     * the page may be where an incremental sync stops ({@link #store} decides for real).
     */
    public boolean mayAllBeKnown(long sourceId, List<PostSummary> posts) {
        if (posts.isEmpty()) {
            return false;
        }
        int known = dsl.fetchCount(
                POSTS,
                POSTS.SOURCE_ID.eq(sourceId),
                POSTS.EXTERNAL_ID.in(
                        posts.stream().map(PostSummary::externalId).distinct().toList()),
                POSTS.STATUS.ne(PostStatus.discovered));
        return known == posts.stream().map(PostSummary::externalId).distinct().count();
    }

    private static boolean changed(PostsRecord stored, PostSummary listed) {
        return !Objects.equals(instant(stored.getEditedAt()), listed.editedAt())
                || stored.getIsLocked() != listed.locked();
    }

    /** New and changed posts in one statement; returns their ids by external id. */
    private Map<String, Long> upsert(DSLContext tx, long sourceId, List<PostSummary> posts) {
        if (posts.isEmpty()) {
            return Map.of();
        }
        InsertSetMoreStep<PostsRecord> insert = tx.insertInto(POSTS).set(row(sourceId, posts.get(0)));
        for (PostSummary post : posts.subList(1, posts.size())) {
            insert = insert.newRecord().set(row(sourceId, post));
        }
        return insert.onConflict(POSTS.SOURCE_ID, POSTS.EXTERNAL_ID)
                .doUpdate()
                .set(listedAgain())
                .where(PostStates.leavable(PostStates.Move.DISCOVER))
                .returning(POSTS.ID, POSTS.EXTERNAL_ID)
                .fetchMap(POSTS.EXTERNAL_ID, POSTS.ID);
    }

    /** A new post as the listing shows it, {@code discovered}. */
    private static Map<Field<?>, Object> row(long sourceId, PostSummary post) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        row.put(POSTS.SOURCE_ID, sourceId);
        row.put(POSTS.EXTERNAL_ID, post.externalId());
        row.put(POSTS.URL, post.url());
        row.put(POSTS.TITLE, post.title());
        row.put(POSTS.POST_TYPE, post.postType());
        row.put(POSTS.PUBLISHED_AT, offset(post.publishedAt()));
        row.put(POSTS.EDITED_AT, offset(post.editedAt()));
        row.put(POSTS.IS_LOCKED, post.locked());
        row.put(POSTS.TEASER_TEXT, post.teaserText());
        row.put(POSTS.RAW, JSONB.valueOf(post.raw().toString()));
        row.putAll(PostStates.assign(PostStates.Move.DISCOVER, Optional.empty(), PostStatus.discovered));
        return row;
    }

    /** A known post listed again (changed): the listing's fields, {@code discovered} again. */
    private Map<Field<?>, Object> listedAgain() {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        for (Field<?> listed : List.of(
                POSTS.URL,
                POSTS.TITLE,
                POSTS.POST_TYPE,
                POSTS.PUBLISHED_AT,
                POSTS.EDITED_AT,
                POSTS.IS_LOCKED,
                POSTS.TEASER_TEXT,
                POSTS.RAW)) {
            columns.put(listed, DSL.excluded(listed));
        }
        columns.putAll(PostStates.target(PostStates.Move.DISCOVER, PostStatus.discovered));
        columns.put(POSTS.UPDATED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return columns;
    }

    /** After their jobs are in the queue; a post phase 2 has already taken up keeps its newer status. */
    public void markQueued(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return;
        }
        PostStates.move(
                dsl, PostStates.Move.ENQUEUE, PostStatus.queued, POSTS.ID.in(postIds), UnaryOperator.identity());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime offset(Instant time) {
        return time == null ? null : OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }
}
