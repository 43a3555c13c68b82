package org.creatorarchiver.phase3.store;

import static org.creatorarchiver.db.generated.Tables.COLLECTIONS;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creatorarchiver.db.generated.tables.records.CollectionsRecord;
import org.creatorarchiver.phase3.listing.CollectionAttributes;
import org.creatorarchiver.phase3.listing.ListedCollection;
import org.jooq.DSLContext;

/**
 * Makes a source's {@code collections} and {@code collection_posts} what Patreon lists now, in one transaction: new
 * collections are inserted, changed ones updated, their posts rewritten by post external id and position (whether or
 * not phase 1 has stored those posts), and collections Patreon no longer lists deleted with their membership.
 * Everything is compared first and only what differs is written, so a re-sync of an unchanged creator writes
 * nothing and {@code updated_at} keeps meaning "last changed on Patreon".
 */
public final class CollectionStore {

    private final DSLContext dsl;
    private final Memberships memberships = new Memberships();
    private final Clock clock;

    public CollectionStore(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** @param listed every collection of the source, each once (as {@code CollectionListing} gives them) */
    public StoredCollections store(long sourceId, List<ListedCollection> listed) {
        return dsl.transactionResult(configuration -> store(configuration.dsl(), sourceId, listed));
    }

    /** What writing one listed collection did. */
    private enum Written {
        ADDED,
        CHANGED,
        UNCHANGED
    }

    private StoredCollections store(DSLContext tx, long sourceId, List<ListedCollection> listed) {
        lockSource(tx, sourceId);
        Map<String, CollectionsRecord> stored = tx.selectFrom(COLLECTIONS)
                .where(COLLECTIONS.SOURCE_ID.eq(sourceId))
                .fetchMap(COLLECTIONS.EXTERNAL_ID);
        Map<Long, List<String>> members = memberships.ofSource(tx, sourceId);
        List<Written> written = new ArrayList<>();
        for (ListedCollection collection : listed) {
            written.add(write(tx, sourceId, collection, stored.get(collection.externalId()), members));
        }
        int deleted = deleteUnlisted(tx, stored.values(), listed);
        return new StoredCollections(
                listed.size(),
                Collections.frequency(written, Written.ADDED),
                Collections.frequency(written, Written.CHANGED),
                deleted);
    }

    private static void lockSource(DSLContext tx, long sourceId) {
        // Two jobs of one source (one handed back while it still ran) take turns here, so the second compares
        // with what the first wrote instead of inserting the same rows again.
        tx.select(SOURCES.ID)
                .from(SOURCES)
                .where(SOURCES.ID.eq(sourceId))
                .forNoKeyUpdate()
                .fetchOptional()
                .orElseThrow(() -> new IllegalStateException("source " + sourceId + " no longer exists"));
    }

    /**
     * Inserts a collection not stored yet ({@code row} null), or updates a stored one whose posts or attributes
     * differ from what Patreon lists.
     */
    private Written write(
            DSLContext tx,
            long sourceId,
            ListedCollection collection,
            CollectionsRecord row,
            Map<Long, List<String>> members) {
        if (row == null) {
            long collectionId = insert(tx, sourceId, collection);
            memberships.replace(tx, collectionId, List.of(), collection.postIds());
            return Written.ADDED;
        }
        boolean postsChanged = memberships.replace(
                tx, row.getId(), members.getOrDefault(row.getId(), List.of()), collection.postIds());
        if (postsChanged || !attributesOf(row).equals(collection.attributes())) {
            update(tx, row.getId(), collection.attributes());
            return Written.CHANGED;
        }
        return Written.UNCHANGED;
    }

    /** Deletes the stored collections Patreon no longer lists, with their membership; returns how many. */
    private static int deleteUnlisted(
            DSLContext tx, Collection<CollectionsRecord> stored, List<ListedCollection> listed) {
        Set<String> stillListed = new HashSet<>();
        listed.forEach(collection -> stillListed.add(collection.externalId()));
        List<Long> gone = stored.stream()
                .filter(row -> !stillListed.contains(row.getExternalId()))
                .map(CollectionsRecord::getId)
                .toList();
        if (!gone.isEmpty()) {
            tx.deleteFrom(COLLECTIONS).where(COLLECTIONS.ID.in(gone)).execute();
        }
        return gone.size();
    }

    private long insert(DSLContext tx, long sourceId, ListedCollection collection) {
        CollectionAttributes attributes = collection.attributes();
        return tx.insertInto(COLLECTIONS)
                .set(COLLECTIONS.SOURCE_ID, sourceId)
                .set(COLLECTIONS.EXTERNAL_ID, collection.externalId())
                .set(COLLECTIONS.TITLE, attributes.title())
                .set(COLLECTIONS.DESCRIPTION, attributes.description())
                .set(COLLECTIONS.NUM_POSTS, attributes.numPosts())
                .set(COLLECTIONS.THUMBNAIL_URL, attributes.thumbnailUrl())
                .set(COLLECTIONS.EDITED_AT, offset(attributes.editedAt()))
                .returning(COLLECTIONS.ID)
                .fetchSingle(COLLECTIONS.ID);
    }

    private void update(DSLContext tx, long collectionId, CollectionAttributes attributes) {
        tx.update(COLLECTIONS)
                .set(COLLECTIONS.TITLE, attributes.title())
                .set(COLLECTIONS.DESCRIPTION, attributes.description())
                .set(COLLECTIONS.NUM_POSTS, attributes.numPosts())
                .set(COLLECTIONS.THUMBNAIL_URL, attributes.thumbnailUrl())
                .set(COLLECTIONS.EDITED_AT, offset(attributes.editedAt()))
                .set(COLLECTIONS.UPDATED_AT, offset(clock.instant()))
                .where(COLLECTIONS.ID.eq(collectionId))
                .execute();
    }

    private static CollectionAttributes attributesOf(CollectionsRecord row) {
        return new CollectionAttributes(
                row.getTitle(),
                row.getDescription(),
                row.getNumPosts(),
                row.getThumbnailUrl(),
                row.getEditedAt() == null ? null : row.getEditedAt().toInstant());
    }

    private static OffsetDateTime offset(Instant time) {
        return time == null ? null : OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }
}
