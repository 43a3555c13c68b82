package org.creatorarchiver.phase2;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.jobs.JobTypes.DownloadMedia;
import org.creatorarchiver.media.HashingDownload;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.media.StoredFile;
import org.creatorarchiver.media.TempDirs;
import org.creatorarchiver.phase2.decide.BeforeDownload;
import org.creatorarchiver.phase2.decide.MediaPolicy;
import org.creatorarchiver.phase2.fetch.FetchedFile;
import org.creatorarchiver.phase2.fetch.MediaFetcher;
import org.creatorarchiver.phase2.store.MediaLinks;
import org.creatorarchiver.phase2.store.MediaOutcomes;
import org.creatorarchiver.queue.JobContext;
import org.creatorarchiver.queue.JobHandler;
import org.creatorarchiver.tools.SubtitleFile;
import org.creatorarchiver.transcripts.TranscriptContent;
import org.creatorarchiver.transcripts.TranscriptRequests;
import org.creatorarchiver.videos.DurationSkip;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 2's download job for one media item. It carries out what {@link MediaPolicy} decides before downloading (keep
 * the embed, skip, download) and after (skip a video measured too long), fetches the bytes ({@link MediaFetcher}),
 * stores the file once by its SHA-256 and points the item's rows at it ({@link MediaLinks}). Failures are retried by
 * the media queue's policy, then the item is {@code failed} with the error ({@link MediaOutcomes#giveUp}).
 */
public final class DownloadMediaHandler implements JobHandler<DownloadMedia> {

    private static final Logger log = LoggerFactory.getLogger(DownloadMediaHandler.class);

    private final DSLContext dsl;
    private final MediaStore store;
    private final MediaFetcher fetcher;
    private final MediaPolicy policy;
    private final Settings.Media settings;
    private final TranscriptRequests transcripts;

    public DownloadMediaHandler(
            DSLContext dsl,
            MediaStore store,
            MediaFetcher fetcher,
            MediaPolicy policy,
            Settings.Media settings,
            TranscriptRequests transcripts) {
        this.dsl = dsl;
        this.store = store;
        this.fetcher = fetcher;
        this.policy = policy;
        this.settings = settings;
        this.transcripts = transcripts;
    }

    @Override
    public void handle(DownloadMedia job, JobContext context) throws Exception {
        Optional<PostMediaRecord> item = waitingItem(job.postMediaId());
        if (item.isEmpty()) {
            return;
        }
        Path jobDir = Files.createDirectories(store.tempDir(context.workerId()).resolve("job-" + context.jobId()));
        try {
            download(item.get(), jobDir, context.attempt());
        } finally {
            TempDirs.delete(jobDir);
        }
    }

    /** The item while it is still {@code queued}: a post processed again meanwhile may have decided otherwise. */
    private Optional<PostMediaRecord> waitingItem(long postMediaId) {
        Optional<PostMediaRecord> found =
                dsl.selectFrom(POST_MEDIA).where(POST_MEDIA.ID.eq(postMediaId)).fetchOptional();
        if (found.isEmpty() || found.get().getStatus() != PostMediaStatus.queued) {
            log.info(
                    "media {} is no longer waiting for a download ({}): nothing to do",
                    postMediaId,
                    found.map(row -> row.getStatus().getLiteral()).orElse("gone"));
            return Optional.empty();
        }
        return found;
    }

    private void download(PostMediaRecord item, Path jobDir, int attempt) throws Exception {
        PostsRecord post =
                dsl.selectFrom(POSTS).where(POSTS.ID.eq(item.getPostId())).fetchSingle();
        Optional<VideosRecord> video = videoOf(item);
        if (video.isPresent()) {
            downloadVideo(item, post, video.get(), jobDir, attempt);
            return;
        }
        FetchedFile file = fetcher.file(item, post, jobDir);
        StoredFile stored = store.store(
                file.file(),
                file.contentType(),
                file.extension(),
                (tx, fileId) -> MediaLinks.linkItem(tx, item.getId(), fileId));
        releaseIfUnclaimed(stored);
        requestTranscriptIfAudio(item, stored);
    }

    /** A downloaded audio is a recording phase 4 transcribes (when transcription is on). */
    private void requestTranscriptIfAudio(PostMediaRecord item, StoredFile stored) {
        if (item.getKind() == PostMediaKind.audio) {
            transcripts.requestDownloaded(List.of(TranscriptContent.ofFile(stored.id())));
        }
    }

    /** @param attempt this job's attempt, 0 for the first: a subtitle that did not download is retried while retries remain */
    private void downloadVideo(PostMediaRecord item, PostsRecord post, VideosRecord video, Path jobDir, int attempt)
            throws Exception {
        int limit = policy.limitOf(dsl, post.getSourceId());
        BeforeDownload before = policy.beforeDownload(video, limit, () -> fetcher.probe(item.getSourceUrl()));
        switch (before) {
            case BeforeDownload.KeepEmbed keep -> {
                MediaOutcomes.keepEmbed(dsl, item, video, post.getTitle());
                transcripts.requestEmbedded(List.of(video.getExternalId()));
            }
            case BeforeDownload.Skip skip -> MediaOutcomes.skip(dsl, video, item.getId(), skip.skip());
            case BeforeDownload.Download download ->
                downloadAndStore(item, post, video, download, limit, jobDir, attempt);
        }
    }

    private void downloadAndStore(
            PostMediaRecord item,
            PostsRecord post,
            VideosRecord video,
            BeforeDownload.Download download,
            int limit,
            Path jobDir,
            int attempt)
            throws Exception {
        FetchedFile file = fetcher.video(item, post, video, jobDir);
        Optional<Double> measured = fetcher.measured(file, download.knownSeconds());
        Optional<DurationSkip> tooLong = policy.skipAfterDownload(video, download, measured, limit);
        if (tooLong.isPresent()) {
            Files.deleteIfExists(file.file().path());
            MediaOutcomes.skip(dsl, video, item.getId(), tooLong.get());
            return;
        }
        requireSubtitles(file, video, post, attempt);
        storeVideo(item, post, video, file, measured, jobDir);
    }

    /** Subtitles first: once the video has its file, other posts with the same video copy its subtitles. */
    private void storeVideo(
            PostMediaRecord item,
            PostsRecord post,
            VideosRecord video,
            FetchedFile file,
            Optional<Double> measured,
            Path jobDir)
            throws Exception {
        storeSubtitles(video, file, jobDir);
        StoredFile stored = store.store(file.file(), file.contentType(), file.extension(), (tx, fileId) -> {
            if (MediaLinks.linkItem(tx, item.getId(), fileId)) {
                MediaLinks.linkVideo(tx, video, fileId, measured);
            }
        });
        releaseIfUnclaimed(stored);
        log.info("{} archived: {}", MediaOutcomes.named(video, post.getExternalId()), stored.path());
        transcripts.requestDownloaded(List.of(
                video.getProvider() == VideoProvider.youtube
                        ? TranscriptContent.ofYouTube(video.getExternalId())
                        : TranscriptContent.ofFile(stored.id())));
    }

    private void storeSubtitles(VideosRecord video, FetchedFile file, Path jobDir) throws Exception {
        for (SubtitleFile subtitle : file.subtitles()) {
            var hashed = new HashingDownload(jobDir).adopt(subtitle.file());
            releaseIfUnclaimed(store.store(
                    hashed,
                    "text/vtt",
                    extensionOf(subtitle.file()),
                    (tx, fileId) -> MediaLinks.linkSubtitle(tx, video.getId(), subtitle, fileId)));
        }
    }

    /**
     * A requested subtitle that did not download (yt-dlp only warns) fails the attempt, so the retry fetches the video
     * with it; on the last attempt the video is kept without it rather than lost.
     */
    private void requireSubtitles(FetchedFile file, VideosRecord video, PostsRecord post, int attempt)
            throws IOException {
        if (file.missingSubtitles().isEmpty()) {
            return;
        }
        String languages = String.join(", ", new TreeSet<>(file.missingSubtitles()));
        int retries = settings.youtube().downloadSettings().maxRetries();
        if (attempt < retries) {
            throw new IOException(
                    "the " + languages + " subtitles of " + video.getProvider().getLiteral() + " video "
                            + video.getExternalId() + " did not download; the video is downloaded again with them");
        }
        log.warn(
                "{}: the {} subtitles did not download in {} attempts; archived without them",
                MediaOutcomes.named(video, post.getExternalId()),
                languages,
                retries + 1);
    }

    private Optional<VideosRecord> videoOf(PostMediaRecord item) {
        if (item.getExternalMediaId() == null
                || (item.getKind() != PostMediaKind.video && item.getKind() != PostMediaKind.embed)) {
            return Optional.empty();
        }
        return dsl.selectFrom(VIDEOS)
                .where(VIDEOS.POST_ID.eq(item.getPostId()), VIDEOS.EXTERNAL_ID.eq(item.getExternalMediaId()))
                .orderBy(VIDEOS.ID)
                .limit(1)
                .fetchOptional();
    }

    /** A file stored while its row was no longer waiting (the post changed meanwhile) has no reference: drop it. */
    private void releaseIfUnclaimed(StoredFile stored) {
        store.release(List.of(stored.id()));
    }

    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    @Override
    public void onGaveUp(DownloadMedia job, JobContext context, String reason) {
        MediaOutcomes.giveUp(dsl, job.postMediaId(), reason);
    }
}
