package org.creatorarchiver.phase3;

import static org.creatorarchiver.db.generated.Tables.COLLECTIONS;
import static org.creatorarchiver.db.generated.Tables.COLLECTION_POSTS;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.tables.records.CollectionsRecord;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.http.HttpClientSettings;
import org.creatorarchiver.http.HttpClients;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.jobs.JobTypes.SyncCollections;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.RetryPolicy;
import org.creatorarchiver.queue.WorkerRuntime;
import org.creatorarchiver.testing.SettableClock;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.creatorarchiver.testing.TestWorkers;
import org.creatorarchiver.testing.patreon.FakeCreator;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Phase 3 as a worker runs it, against a {@link FakePatreon}, the test PostgreSQL and Redis: the real handler, HTTP
 * client (with millisecond retry waits), queue and worker runtime. The handler's clock is settable, so the times it
 * writes are known.
 */
final class Phase3Harness implements AutoCloseable {

    static final String SESSION_ID = "sess-phase3-YmFyYmF6";

    final FakePatreon patreon = FakePatreon.start();
    final DSLContext db = TestDatabase.migrated();
    final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());
    final SettableClock clock = SettableClock.at("2026-07-01T10:00:00Z");
    private final HttpClients http;
    final SyncCollectionsHandler handler;
    private WorkerRuntime runtime;

    Phase3Harness() {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        HttpClientSettings settings = new HttpClientSettings(
                patreon.baseUrl(),
                SESSION_ID,
                "creator-archiver-tests/1.0",
                Duration.ofSeconds(10),
                200,
                1,
                Duration.ofMillis(10),
                Duration.ofSeconds(10));
        http = HttpClients.create(settings, TestServices.redisson(), Clock.systemUTC());
        handler = SyncCollectionsHandler.create(db, http.patreon(), clock);
    }

    /** The sample creator: seven posts, "Behind the Scenes" = 150000004, 150000002, 150000001, "Podcast" = 150000003. */
    FakeCreator skyforge() {
        return patreon.addCreator("skyforge", "4815162", "90011223")
                .addSamplePosts()
                .addSampleCollections();
    }

    /** A source as {@code enqueue skyforge} leaves it: unresolved, so phase 3 resolves it. */
    long sourceByVanity(String vanity) {
        return db.insertInto(SOURCES)
                .set(SOURCES.VANITY, vanity)
                .returning(SOURCES.ID)
                .fetchSingle(SOURCES.ID);
    }

    /** A source phase 1 has already resolved: phase 3's first request is the collections list. */
    long resolvedSource(String campaignId) {
        return db.insertInto(SOURCES)
                .set(SOURCES.EXTERNAL_ID, campaignId)
                .set(SOURCES.NAME, "Skyforge Studio")
                .set(SOURCES.STATUS, SourceStatus.active)
                .returning(SOURCES.ID)
                .fetchSingle(SOURCES.ID);
    }

    /** Runs one job in this thread, as the worker would (without its retries). */
    void sync(long sourceId) throws Exception {
        handler.handle(new SyncCollections(sourceId), TestWorkers.firstDelivery(JobTypes.SYNC_COLLECTIONS, "job-1"));
    }

    /** Starts a worker runtime consuming phase 3 with the given retries. */
    void startWorker(RetryPolicy retries) {
        runtime = TestWorkers.start("test-phase3", JobTypes.SYNC_COLLECTIONS, handler, retries);
    }

    SourcesRecord source(long id) {
        return db.selectFrom(SOURCES).where(SOURCES.ID.eq(id)).fetchSingle();
    }

    CollectionsRecord collection(String externalId) {
        return db.selectFrom(COLLECTIONS)
                .where(COLLECTIONS.EXTERNAL_ID.eq(externalId))
                .fetchSingle();
    }

    /** Every stored collection's post ids in position order, by collection external id (sorted). */
    Map<String, List<String>> memberships() {
        Map<String, List<String>> memberships = new LinkedHashMap<>();
        db.select(COLLECTIONS.EXTERNAL_ID)
                .from(COLLECTIONS)
                .orderBy(COLLECTIONS.EXTERNAL_ID)
                .forEach(row -> memberships.put(row.value1(), new ArrayList<>()));
        db.select(COLLECTIONS.EXTERNAL_ID, COLLECTION_POSTS.POST_EXTERNAL_ID, COLLECTION_POSTS.POSITION)
                .from(COLLECTION_POSTS)
                .join(COLLECTIONS)
                .on(COLLECTIONS.ID.eq(COLLECTION_POSTS.COLLECTION_ID))
                .orderBy(COLLECTIONS.EXTERNAL_ID, COLLECTION_POSTS.POSITION)
                .forEach(row -> memberships.get(row.value1()).add(row.value2()));
        return memberships;
    }

    /** The positions as stored, by collection external id, to see that they run 0, 1, 2... */
    List<Integer> positions(String collectionExternalId) {
        return db.select(COLLECTION_POSTS.POSITION)
                .from(COLLECTION_POSTS)
                .join(COLLECTIONS)
                .on(COLLECTIONS.ID.eq(COLLECTION_POSTS.COLLECTION_ID))
                .where(COLLECTIONS.EXTERNAL_ID.eq(collectionExternalId))
                .orderBy(COLLECTION_POSTS.POSITION)
                .fetch(COLLECTION_POSTS.POSITION);
    }

    /**
     * Each collection and membership row with its row version ({@code xmin}, which any UPDATE changes) and times:
     * equal before and after a sync means the sync wrote none of them.
     */
    Map<String, String> rowVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        db.fetch("select external_id, xmin::text, updated_at from collections order by external_id")
                .forEach(row -> versions.put("collection " + row.get(0), row.get(1) + " " + row.get(2)));
        db.fetch("""
                        select c.external_id, cp.post_external_id, cp.xmin::text, cp.position, cp.created_at
                          from collection_posts cp join collections c on c.id = cp.collection_id
                         order by 1, 2""")
                .forEach(row -> versions.put(
                        "membership " + row.get(0) + "/" + row.get(1),
                        row.get(2) + " " + row.get(3) + " " + row.get(4)));
        return versions;
    }

    /** {@code collection_posts_resolved} for one collection, in order. */
    List<Record> resolved(String collectionExternalId) {
        return db.fetch("""
                select position, post_external_id, post_id, post_title, post_url
                  from collection_posts_resolved where collection_external_id = ? order by position""", collectionExternalId);
    }

    /** A posts row as phase 1 stores it (only what the view shows). */
    long insertPost(long sourceId, String externalId, String title) {
        return db.insertInto(POSTS)
                .set(POSTS.SOURCE_ID, sourceId)
                .set(POSTS.EXTERNAL_ID, externalId)
                .set(POSTS.TITLE, title)
                .set(POSTS.URL, "https://www.patreon.com/posts/" + externalId)
                .returning(POSTS.ID)
                .fetchSingle(POSTS.ID);
    }

    @Override
    public void close() {
        if (runtime != null) {
            runtime.shutdown();
        }
        http.close();
        patreon.close();
    }
}
