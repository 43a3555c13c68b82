package org.creatorarchiver.phase1;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.http.HttpClientSettings;
import org.creatorarchiver.http.HttpClients;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.jobs.JobTypes.SyncCreator;
import org.creatorarchiver.queue.JobCodec;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.QueueKeys;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.queue.RetryPolicy;
import org.creatorarchiver.queue.WorkerRuntime;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.creatorarchiver.testing.TestWorkers;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.redisson.client.codec.StringCodec;

/**
 * Phase 1 as a worker runs it, against a {@link FakePatreon}, the test PostgreSQL and Redis: the real handler, HTTP
 * client (with millisecond retry waits), queue and worker runtime.
 */
final class Phase1Harness implements AutoCloseable {

    static final String SESSION_ID = "sess-phase1-Zm9vYmFy";
    static final int GLOBAL_LIMIT = 2159;

    final FakePatreon patreon = FakePatreon.start();
    final DSLContext db = TestDatabase.migrated();
    final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());
    private final HttpClients http;
    final SyncCreatorHandler handler;
    private WorkerRuntime runtime;

    Phase1Harness() {
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
        handler = SyncCreatorHandler.create(db, queue, http.patreon(), GLOBAL_LIMIT, Clock.systemUTC());
    }

    long sourceByVanity(String vanity) {
        return insertSource(SOURCES.VANITY, vanity);
    }

    <T> long insertSource(Field<T> key, T value) {
        return db.insertInto(SOURCES).set(key, value).returning(SOURCES.ID).fetchSingle(SOURCES.ID);
    }

    /** Runs one sync job in this thread, as the worker would (without its retries). */
    void sync(long sourceId, boolean full) throws Exception {
        handler.handle(new SyncCreator(sourceId, full), TestWorkers.firstDelivery(JobTypes.SYNC_CREATOR, "job-1"));
    }

    /** Starts a worker runtime consuming phase 1 with the given retries. */
    void startWorker(RetryPolicy retries) {
        runtime = TestWorkers.start("test-phase1", JobTypes.SYNC_CREATOR, handler, retries);
    }

    SourcesRecord source(long id) {
        return db.selectFrom(SOURCES).where(SOURCES.ID.eq(id)).fetchSingle();
    }

    List<PostsRecord> posts() {
        return db.selectFrom(POSTS).orderBy(POSTS.PUBLISHED_AT.desc()).fetch();
    }

    PostsRecord post(String externalId) {
        return db.selectFrom(POSTS).where(POSTS.EXTERNAL_ID.eq(externalId)).fetchSingle();
    }

    List<VideosRecord> videos() {
        return db.selectFrom(VIDEOS).orderBy(VIDEOS.ID).fetch();
    }

    /** The post ids of the phase 2 jobs waiting in the queue, in queue order. */
    List<Long> phase2Jobs() {
        List<String> raw = TestServices.redisson()
                .<String>getList(QueueKeys.ready(Queues.PHASE2), StringCodec.INSTANCE)
                .readAll();
        return raw.stream()
                .map(JobCodec::decode)
                .map(job -> JobCodec.payload(job, JobTypes.ProcessPost.class).postId())
                .toList();
    }

    void clearPhase2Jobs() {
        TestServices.redisson().getKeys().delete(QueueKeys.ready(Queues.PHASE2));
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
