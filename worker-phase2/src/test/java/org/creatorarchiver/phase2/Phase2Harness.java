package org.creatorarchiver.phase2;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.creatorarchiver.config.ExternalTools;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.tables.records.MediaFilesRecord;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.http.HttpClientSettings;
import org.creatorarchiver.http.HttpClients;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.media.StoreContents;
import org.creatorarchiver.queue.JobCodec;
import org.creatorarchiver.queue.JobContext;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.QueueKeys;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.creatorarchiver.testing.patreon.FakeCreator;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.jooq.DSLContext;
import org.redisson.api.RList;
import org.redisson.client.codec.StringCodec;

/**
 * Phase 2 as a worker runs it, against a {@link FakePatreon} (posts, CDN, Mux) and a local video site, with the test
 * PostgreSQL and Redis, a media dir on disk and the real yt-dlp and ffmpeg.
 */
final class Phase2Harness implements AutoCloseable {

    static final int GLOBAL_LIMIT = 2159;

    final FakePatreon patreon = FakePatreon.start();
    final FakeCreator creator;
    final DSLContext db = TestDatabase.migrated();
    final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());
    final Path mediaDir;
    final long sourceId;
    private final HttpClients http;
    private Phase2WorkerMain.Handlers handlers;
    private int jobs;

    Phase2Harness(Path mediaDir, int posts) {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        this.mediaDir = mediaDir;
        creator = patreon.addCreator("skyforge", "4815162", "90011223").addPosts(posts);
        HttpClientSettings settings = new HttpClientSettings(
                patreon.baseUrl(),
                "sess-phase2",
                "creator-archiver-tests/1.0",
                Duration.ofSeconds(20),
                500,
                1,
                Duration.ofMillis(10),
                Duration.ofSeconds(5));
        http = HttpClients.create(settings, TestServices.redisson(), Clock.systemUTC());
        sourceId = db.insertInto(SOURCES)
                .set(SOURCES.EXTERNAL_ID, "4815162")
                .set(SOURCES.VANITY, "skyforge")
                .set(SOURCES.NAME, "Skyforge")
                .returning(SOURCES.ID)
                .fetchSingle(SOURCES.ID);
        for (String id : creator.postIds()) {
            db.insertInto(POSTS)
                    .set(POSTS.SOURCE_ID, sourceId)
                    .set(POSTS.EXTERNAL_ID, id)
                    .set(POSTS.STATUS, PostStatus.queued)
                    .execute();
        }
        settings(Settings.Media.DEFAULTS);
    }

    /** The default media settings with YouTube handled as {@code mode} says (and {@code download_if_embed_fails}). */
    static Settings.Media defaultsWithYouTube(Settings.YoutubeMode mode, boolean downloadIfEmbedFails) {
        Settings.Media defaults = Settings.Media.DEFAULTS;
        return new Settings.Media(
                defaults.images(),
                defaults.patreon(),
                new Settings.Youtube(
                        mode, downloadIfEmbedFails, defaults.youtube().downloadSettings()),
                defaults.deduplication());
    }

    /** Rebuilds the handlers with other media settings, as a worker restarted with another settings file. */
    void settings(Settings.Media media) {
        settings(media, new ExternalTools("yt-dlp", "ffmpeg"));
    }

    void settings(Settings.Media media, ExternalTools tools) {
        handlers = Phase2WorkerMain.handlers(
                db,
                queue,
                http,
                mediaDir,
                tools,
                media,
                GLOBAL_LIMIT,
                Clock.systemUTC(),
                Settings.Transcription.DEFAULTS);
    }

    Phase2WorkerMain.Handlers handlers() {
        return handlers;
    }

    long postId(String externalId) {
        return db.select(POSTS.ID)
                .from(POSTS)
                .where(POSTS.EXTERNAL_ID.eq(externalId))
                .fetchSingle(POSTS.ID);
    }

    PostsRecord post(String externalId) {
        return db.selectFrom(POSTS).where(POSTS.EXTERNAL_ID.eq(externalId)).fetchSingle();
    }

    void process(String externalId) throws Exception {
        handlers.posts().handle(new JobTypes.ProcessPost(postId(externalId)), context(Queues.PHASE2));
    }

    void processAll() throws Exception {
        for (String id : creator.postIds()) {
            process(id);
        }
    }

    /** Runs every download job waiting in the media queue, in this thread, as a worker would (no retries). */
    void downloadAll() throws Exception {
        RList<String> ready = TestServices.redisson().getList(QueueKeys.ready(Queues.MEDIA), StringCodec.INSTANCE);
        String raw;
        while ((raw = ready.remove(0)) != null) {
            long postMediaId = JobCodec.payload(JobCodec.decode(raw), JobTypes.DownloadMedia.class)
                    .postMediaId();
            handlers.downloads().handle(new JobTypes.DownloadMedia(postMediaId), context(Queues.MEDIA));
            if (ready.isEmpty()) {
                break;
            }
        }
    }

    /** Takes the first waiting download job out of the media queue; returns its post_media id. */
    long takeDownload() {
        String raw = TestServices.redisson()
                .<String>getList(QueueKeys.ready(Queues.MEDIA), StringCodec.INSTANCE)
                .remove(0);
        return JobCodec.payload(JobCodec.decode(raw), JobTypes.DownloadMedia.class)
                .postMediaId();
    }

    /** Runs one download job as its {@code attempt} (0 for the first delivery, n for the n-th retry). */
    void download(long postMediaId, int attempt) throws Exception {
        handlers.downloads()
                .handle(
                        new JobTypes.DownloadMedia(postMediaId),
                        new JobContext(
                                "job-" + (++jobs), "test", Queues.MEDIA, attempt, "test-worker", Clock.systemUTC()));
    }

    int waitingDownloads() {
        return TestServices.redisson()
                .getList(QueueKeys.ready(Queues.MEDIA), StringCodec.INSTANCE)
                .size();
    }

    private JobContext context(String queueName) {
        return new JobContext("job-" + (++jobs), "test", queueName, 0, "test-worker", Clock.systemUTC());
    }

    List<PostMediaRecord> media(String postExternalId) {
        return db.selectFrom(POST_MEDIA)
                .where(POST_MEDIA.POST_ID.eq(postId(postExternalId)))
                .orderBy(POST_MEDIA.POSITION)
                .fetch();
    }

    List<VideosRecord> videos(String postExternalId) {
        return db.selectFrom(VIDEOS)
                .where(VIDEOS.POST_ID.eq(postId(postExternalId)))
                .orderBy(VIDEOS.ID)
                .fetch();
    }

    MediaFilesRecord file(long mediaFileId) {
        return db.selectFrom(MEDIA_FILES).where(MEDIA_FILES.ID.eq(mediaFileId)).fetchSingle();
    }

    /** What the media store holds, with the invariants every test may check ({@link StoreContents#assertConsistent}). */
    StoreContents store() {
        return new StoreContents(db, mediaDir);
    }

    List<MediaFilesRecord> files() {
        return store().rows();
    }

    /** The stored files on disk (everything under {@code MEDIA_DIR/sha256}). */
    List<Path> filesOnDisk() {
        return store().files().stream().map(mediaDir::resolve).toList();
    }

    List<Path> tempFilesLeft() {
        return store().tempFiles();
    }

    /**
     * Rows pointing at the file, counted as docs/ARCHITECTURE.md "Deduplication and reference counts" defines
     * {@code reference_count}.
     */
    int rowsPointingAt(long mediaFileId) {
        return store().rowsPointingAt(mediaFileId);
    }

    @Override
    public void close() {
        http.close();
        patreon.close();
    }
}
