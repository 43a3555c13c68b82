package org.creatorarchiver.phase3.store;

import static org.creatorarchiver.db.generated.Tables.COLLECTIONS;
import static org.creatorarchiver.db.generated.Tables.COLLECTION_POSTS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The {@code collection_posts} rows of collections: read in order, and made to match a new order by writing only
 * the rows that differ (a post that stays keeps its row and its {@code created_at}). Callers run this inside their
 * transaction, so a collection's membership changes all at once.
 */
final class Memberships {

    /** Rows per statement, well under PostgreSQL's 65,535 bind parameters. */
    private static final int CHUNK = 5_000;

    /** Each collection's post ids in order, by collection id, for the collections of one source. */
    Map<Long, List<String>> ofSource(DSLContext tx, long sourceId) {
        Map<Long, List<String>> members = new LinkedHashMap<>();
        tx.select(COLLECTION_POSTS.COLLECTION_ID, COLLECTION_POSTS.POST_EXTERNAL_ID)
                .from(COLLECTION_POSTS)
                .join(COLLECTIONS)
                .on(COLLECTIONS.ID.eq(COLLECTION_POSTS.COLLECTION_ID))
                .where(COLLECTIONS.SOURCE_ID.eq(sourceId))
                .orderBy(COLLECTION_POSTS.COLLECTION_ID, COLLECTION_POSTS.POSITION)
                .forEach(row -> members.computeIfAbsent(row.value1(), id -> new ArrayList<>())
                        .add(row.value2()));
        return members;
    }

    /**
     * Makes the collection's posts {@code after} (position = index, from 0), given that they are {@code before}.
     *
     * @return whether anything had to be written
     */
    boolean replace(DSLContext tx, long collectionId, List<String> before, List<String> after) {
        if (before.equals(after)) {
            return false;
        }
        deleteRemoved(tx, collectionId, before, after);
        writePositions(tx, collectionId, after, movedPositions(before, after));
        return true;
    }

    private static void deleteRemoved(DSLContext tx, long collectionId, List<String> before, List<String> after) {
        Set<String> staying = new HashSet<>(after);
        List<String> removed =
                before.stream().filter(postId -> !staying.contains(postId)).toList();
        for (List<String> chunk : chunks(removed)) {
            tx.deleteFrom(COLLECTION_POSTS)
                    .where(COLLECTION_POSTS.COLLECTION_ID.eq(collectionId), COLLECTION_POSTS.POST_EXTERNAL_ID.in(chunk))
                    .execute();
        }
    }

    /** The positions in {@code after} whose post is new or was at another position {@code before}. */
    private static List<Integer> movedPositions(List<String> before, List<String> after) {
        Map<String, Integer> positionBefore = new HashMap<>();
        for (int position = 0; position < before.size(); position++) {
            positionBefore.put(before.get(position), position);
        }
        List<Integer> moved = new ArrayList<>();
        for (int position = 0; position < after.size(); position++) {
            if (!Objects.equals(positionBefore.get(after.get(position)), position)) {
                moved.add(position);
            }
        }
        return moved;
    }

    /** Inserts the posts at {@code positions} of {@code after}, or moves their rows there. */
    private static void writePositions(DSLContext tx, long collectionId, List<String> after, List<Integer> positions) {
        for (List<Integer> chunk : chunks(positions)) {
            var insert = tx.insertInto(
                    COLLECTION_POSTS,
                    COLLECTION_POSTS.COLLECTION_ID,
                    COLLECTION_POSTS.POST_EXTERNAL_ID,
                    COLLECTION_POSTS.POSITION);
            for (int position : chunk) {
                insert = insert.values(collectionId, after.get(position), position);
            }
            insert.onConflict(COLLECTION_POSTS.COLLECTION_ID, COLLECTION_POSTS.POST_EXTERNAL_ID)
                    .doUpdate()
                    .set(COLLECTION_POSTS.POSITION, DSL.excluded(COLLECTION_POSTS.POSITION))
                    .execute();
        }
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += CHUNK) {
            chunks.add(items.subList(from, Math.min(from + CHUNK, items.size())));
        }
        return chunks;
    }
}
