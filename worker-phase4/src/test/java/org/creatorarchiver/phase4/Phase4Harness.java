package org.creatorarchiver.phase4;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.creatorarchiver.config.ApiKeys;
import org.creatorarchiver.config.ExternalTools;
import org.creatorarchiver.config.Secret;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.TranscriptsRecord;
import org.creatorarchiver.http.HostPauses;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.media.HashingDownload;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.queue.JobContext;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.testing.SettableClock;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.creatorarchiver.testing.openai.FakeOpenAi;
import org.creatorarchiver.transcripts.TranscriptContent;
import org.creatorarchiver.transcripts.TranscriptRequests;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Phase 4 wired as the worker wires it (real PostgreSQL, Redis, ffmpeg, yt-dlp, files) against the fake paid APIs,
 * with an archive to fill: a creator, posts, videos and audio whose files are really stored.
 */
final class Phase4Harness implements AutoCloseable {

    static final String KEY = "sk-test-phase4-key";
    static final int GLOBAL_LIMIT = 2159;

    final DSLContext db = TestDatabase.migrated();
    final SettableClock clock = SettableClock.at("2026-12-03T10:00:00Z");
    final JobQueue queue = new JobQueue(TestServices.redisson(), clock);
    final FakeOpenAi api = FakeOpenAi.start(KEY);
    final Path mediaDir;
    final MediaStore store;
    private final long source;
    private int posts;

    Phase4Harness(Path mediaDir) {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        this.mediaDir = mediaDir;
        this.store = new MediaStore(mediaDir, db);
        this.source = db.insertInto(SOURCES)
                .set(SOURCES.VANITY, "speaker")
                .returning(SOURCES.ID)
                .fetchSingle(SOURCES.ID);
    }

    /** The default settings with transcription and summaries on, pointed at the fake. */
    Settings settings(int chunkSeconds, Optional<Double> dailyUsd, int maxInputTokens) {
        Settings d = Settings.defaults();
        return new Settings(
                d.media(),
                d.queue(),
                d.scraping(),
                new Settings.Transcription(
                        true,
                        api.baseUrl(),
                        "whisper-1",
                        Optional.empty(),
                        true,
                        List.of("en", "es"),
                        chunkSeconds,
                        0.006),
                new Settings.Summary(true, api.baseUrl(), "deepseek-chat", "es", maxInputTokens, 0.28, 0.42),
                new Settings.Budget(dailyUsd));
    }

    Settings settings() {
        return settings(600, Optional.empty(), 24_000);
    }

    TranscribeHandler transcribeHandler(Settings settings) {
        return Phase4WorkerMain.transcribeHandler(parts(settings));
    }

    SummarizeHandler summarizeHandler(Settings settings) {
        return Phase4WorkerMain.summarizeHandler(parts(settings));
    }

    /** The worker's own wiring, on this harness's database, Redis, media dir and clock. */
    private Phase4Parts parts(Settings settings) {
        return new Phase4Parts(
                db,
                queue,
                settings,
                new ApiKeys(Optional.of(Secret.of(KEY)), Optional.of(Secret.of(KEY))),
                new HostPauses(TestServices.redisson(), clock),
                new ExternalTools("yt-dlp", "ffmpeg"),
                mediaDir,
                GLOBAL_LIMIT,
                clock);
    }

    TranscriptRequests requests(Settings settings) {
        return new TranscriptRequests(db, queue, settings.transcription());
    }

    JobContext context() {
        return new JobContext("job-1", "transcribe", "transcribe", 0, "test-worker", clock);
    }

    /** A file stored in the media store as phase 2 stores one; returns its {@code media_files} id. */
    long storeFile(Path file, String extension) throws Exception {
        Path temp = Files.createDirectories(mediaDir.resolve("incoming"));
        Path copy = Files.copy(file, temp.resolve(file.getFileName()));
        var hashed = new HashingDownload(temp).adopt(copy);
        return store.store(hashed, "application/octet-stream", extension, (tx, fileId) -> {})
                .id();
    }

    /** A post with a Patreon video of this file, {@code completed}; returns the video id. */
    long keptVideo(long fileId, Integer durationSeconds, String metadata) {
        return video(
                VideoProvider.patreon,
                "media-" + fileId + "-" + posts,
                VideoStatus.completed,
                fileId,
                durationSeconds,
                metadata);
    }

    long video(
            VideoProvider provider,
            String externalId,
            VideoStatus status,
            Long fileId,
            Integer seconds,
            String metadata) {
        long post = post();
        return db.insertInto(VIDEOS)
                .set(VIDEOS.SOURCE_ID, source)
                .set(VIDEOS.POST_ID, post)
                .set(VIDEOS.PROVIDER, provider)
                .set(VIDEOS.EXTERNAL_ID, externalId)
                .set(VIDEOS.STATUS, status)
                .set(VIDEOS.MEDIA_FILE_ID, fileId)
                .set(VIDEOS.DURATION_SECONDS, seconds)
                .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf(metadata))
                .returning(VIDEOS.ID)
                .fetchSingle(VIDEOS.ID);
    }

    /** A post with a downloaded audio of this file. */
    void keptAudio(long fileId) {
        db.insertInto(POST_MEDIA)
                .set(POST_MEDIA.POST_ID, post())
                .set(POST_MEDIA.POSITION, 0)
                .set(POST_MEDIA.KIND, PostMediaKind.audio)
                .set(POST_MEDIA.STATUS, PostMediaStatus.downloaded)
                .set(POST_MEDIA.MEDIA_FILE_ID, fileId)
                .execute();
    }

    private long post() {
        posts++;
        return db.insertInto(POSTS)
                .set(POSTS.SOURCE_ID, source)
                .set(POSTS.EXTERNAL_ID, "post-" + posts)
                .returning(POSTS.ID)
                .fetchSingle(POSTS.ID);
    }

    long transcriptOf(TranscriptContent content) {
        return db.select(TRANSCRIPTS.ID)
                .from(TRANSCRIPTS)
                .where(TranscriptRequests.of(content))
                .fetchSingle(TRANSCRIPTS.ID);
    }

    TranscriptsRecord transcript(long id) {
        return db.selectFrom(TRANSCRIPTS).where(TRANSCRIPTS.ID.eq(id)).fetchSingle();
    }

    void transcribe(TranscribeHandler handler, long transcriptId) throws Exception {
        handler.handle(new JobTypes.Transcribe(transcriptId), context());
    }

    @Override
    public void close() {
        api.close();
    }
}
