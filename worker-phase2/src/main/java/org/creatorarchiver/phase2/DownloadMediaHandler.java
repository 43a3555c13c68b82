package org.creatorarchiver.phase2;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.http.FailureKind;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.jobs.JobTypes.DownloadMedia;
import org.creatorarchiver.media.HashingDownload;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.media.StoredFile;
import org.creatorarchiver.phase2.download.DirectDownload;
import org.creatorarchiver.phase2.download.FetchedFile;
import org.creatorarchiver.phase2.download.MediaLinks;
import org.creatorarchiver.phase2.download.VideoDownload;
import org.creatorarchiver.phase2.duration.SourceDurationLimit;
import org.creatorarchiver.phase2.duration.VideoSkips;
import org.creatorarchiver.phase2.media.MediaItem;
import org.creatorarchiver.phase2.media.MediaItems;
import org.creatorarchiver.phase2.media.VideoMetadata;
import org.creatorarchiver.phase2.post.PostFetcher;
import org.creatorarchiver.phase2.post.PostPage;
import org.creatorarchiver.phase2.tools.DownloadRequest;
import org.creatorarchiver.phase2.tools.SubtitleFile;
import org.creatorarchiver.phase2.tools.VideoInfo;
import org.creatorarchiver.phase2.youtube.YouTubeEmbed;
import org.creatorarchiver.queue.JobContext;
import org.creatorarchiver.queue.JobFailure;
import org.creatorarchiver.queue.JobHandler;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 2's download job for one media item: fetch the bytes (HTTP for files, yt-dlp for Mux HLS and YouTube),
 * apply the duration policy before downloading and, when no duration was known, after; store the file once by its
 * SHA-256 and point the item's rows at it. An expired signed CDN URL (403) makes the job fetch the post again for a
 * fresh URL, once. Failures are retried by the media queue's policy, then the item is {@code failed} with the error.
 */
public final class DownloadMediaHandler implements JobHandler<DownloadMedia> {

    private static final Logger log = LoggerFactory.getLogger(DownloadMediaHandler.class);

    private final DSLContext dsl;
    private final MediaStore store;
    private final DirectDownload direct;
    private final VideoDownload videos;
    private final VideoSkips skips;
    private final PostFetcher posts;
    private final Settings.Media settings;

    public DownloadMediaHandler(
            DSLContext dsl,
            MediaStore store,
            DirectDownload direct,
            VideoDownload videos,
            VideoSkips skips,
            PostFetcher posts,
            Settings.Media settings) {
        this.dsl = dsl;
        this.store = store;
        this.direct = direct;
        this.videos = videos;
        this.skips = skips;
        this.posts = posts;
        this.settings = settings;
    }

    @Override
    public void handle(DownloadMedia job, JobContext context) throws Exception {
        Optional<PostMediaRecord> found = dsl.selectFrom(POST_MEDIA)
                .where(POST_MEDIA.ID.eq(job.postMediaId()))
                .fetchOptional();
        if (found.isEmpty() || found.get().getStatus() != PostMediaStatus.queued) {
            log.info(
                    "media {} is no longer waiting for a download ({}): nothing to do",
                    job.postMediaId(),
                    found.map(row -> row.getStatus().getLiteral()).orElse("gone"));
            return;
        }
        PostMediaRecord item = found.get();
        PostsRecord post =
                dsl.selectFrom(POSTS).where(POSTS.ID.eq(item.getPostId())).fetchSingle();
        Optional<VideosRecord> video = videoOf(item);
        Path jobDir = Files.createDirectories(store.tempDir(context.workerId()).resolve("job-" + context.jobId()));
        try {
            if (video.isPresent()) {
                downloadVideo(item, post, video.get(), jobDir, context.attempt());
            } else {
                FetchedFile file = fetchFile(item, post, jobDir);
                StoredFile stored = store.store(
                        file.file(),
                        file.contentType(),
                        file.extension(),
                        (tx, fileId) -> MediaLinks.linkItem(tx, item.getId(), fileId));
                releaseIfUnclaimed(stored);
            }
        } finally {
            deleteTree(jobDir);
        }
    }

    /** @param attempt this job's attempt, 0 for the first: a subtitle that did not download is retried while retries remain */
    private void downloadVideo(PostMediaRecord item, PostsRecord post, VideosRecord video, Path jobDir, int attempt)
            throws Exception {
        int limit = SourceDurationLimit.of(dsl, skips.policy(), post.getSourceId());
        Optional<Double> known = Optional.ofNullable(video.getDurationSeconds()).map(Integer::doubleValue);
        boolean youTube = video.getProvider() == VideoProvider.youtube;
        String url = item.getSourceUrl();
        if (youTube && (known.isEmpty() || embedOnlyIfPlayable())) {
            VideoInfo info = videos.ytDlp().probe(url, Map.of());
            if (embedOnlyIfPlayable() && info.playableInEmbed().orElse(true)) {
                keepEmbed(item, video, post);
                return;
            }
            known = known.or(info::duration);
        }
        if (known.isPresent() && skips.tooLong(video, known.get(), limit)) {
            skips.skip(dsl, video, item.getId(), known.get(), limit);
            return;
        }
        DownloadRequest request = youTube
                ? DownloadRequest.youtube(settings.youtube().downloadSettings())
                : DownloadRequest.patreonVideo(settings.patreon().videos());
        FetchedFile file = isHls(item) || youTube ? videos.fetch(url, jobDir, request) : fetchFile(item, post, jobDir);
        Optional<Double> measured = file.measuredSeconds().isPresent() || known.isPresent()
                ? file.measuredSeconds()
                : videos.measure(file.file().path());
        if (known.isEmpty() && measured.isPresent() && skips.tooLong(video, measured.get(), limit)) {
            Files.deleteIfExists(file.file().path());
            skips.skip(dsl, video, item.getId(), measured.get(), limit);
            return;
        }
        requireSubtitles(file, video, post, attempt);
        // Subtitles first: once the video has its file, other posts with the same video copy its subtitles.
        for (SubtitleFile subtitle : file.subtitles()) {
            var hashed = new HashingDownload(jobDir).adopt(subtitle.file());
            StoredFile storedSubtitle = store.store(
                    hashed,
                    "text/vtt",
                    extensionOf(subtitle.file()),
                    (tx, fileId) -> MediaLinks.linkSubtitle(tx, video.getId(), subtitle, fileId));
            releaseIfUnclaimed(storedSubtitle);
        }
        StoredFile stored = store.store(file.file(), file.contentType(), file.extension(), (tx, fileId) -> {
            if (MediaLinks.linkItem(tx, item.getId(), fileId)) {
                MediaLinks.linkVideo(tx, video, fileId, measured);
            }
        });
        releaseIfUnclaimed(stored);
        log.info(
                "video {} ({} {}) of post {} archived: {}",
                video.getId(),
                video.getProvider().getLiteral(),
                video.getExternalId(),
                post.getExternalId(),
                stored.path());
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
                "video {} ({} {}) of post {}: the {} subtitles did not download in {} attempts; archived without them",
                video.getId(),
                video.getProvider().getLiteral(),
                video.getExternalId(),
                post.getExternalId(),
                languages,
                retries + 1);
    }

    /** Embed mode with {@code download_if_embed_fails}: a YouTube video is downloaded only when it cannot be embedded. */
    private boolean embedOnlyIfPlayable() {
        return settings.youtube().mode() == Settings.YoutubeMode.EMBED
                && settings.youtube().downloadIfEmbedFails();
    }

    private void keepEmbed(PostMediaRecord item, VideosRecord video, PostsRecord post) {
        ObjectNode extra = VideoMetadata.parse(video.getExtraMetadata());
        extra.put("embed_html", YouTubeEmbed.html(video.getExternalId(), post.getTitle()));
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.update(POST_MEDIA)
                    .set(POST_MEDIA.STATUS, PostMediaStatus.embedded)
                    .where(POST_MEDIA.ID.eq(item.getId()), POST_MEDIA.STATUS.eq(PostMediaStatus.queued))
                    .execute();
            tx.update(VIDEOS)
                    .set(VIDEOS.STATUS, VideoStatus.embedded)
                    .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf(extra.toString()))
                    .where(VIDEOS.ID.eq(video.getId()))
                    .execute();
        });
    }

    /** A file over HTTP; a 403 from the CDN (an expired signature) is answered by one fresh URL from the post. */
    private FetchedFile fetchFile(PostMediaRecord item, PostsRecord post, Path jobDir) throws Exception {
        Optional<String> fileName = Optional.ofNullable(
                VideoMetadata.parse(item.getMetadata()).path("file_name").asText(null));
        if (item.getSourceUrl() == null) {
            throw JobFailure.permanent(
                    "media " + item.getId() + " of post " + post.getExternalId() + " has no URL to download from");
        }
        try {
            return direct.fetch(item.getSourceUrl(), jobDir, fileName);
        } catch (HttpFailureException e) {
            if (e.kind() != FailureKind.BLOCKED && e.kind() != FailureKind.NOT_FOUND) {
                throw e;
            }
            String fresh = freshUrl(item, post).orElseThrow(() -> e);
            log.info(
                    "media {} of post {}: {}; downloading again from a fresh URL",
                    item.getId(),
                    post.getExternalId(),
                    e.getMessage());
            dsl.update(POST_MEDIA)
                    .set(POST_MEDIA.SOURCE_URL, fresh)
                    .where(POST_MEDIA.ID.eq(item.getId()))
                    .execute();
            try {
                return direct.fetch(fresh, jobDir, fileName);
            } catch (HttpFailureException again) {
                throw JobFailure.permanent(again.getMessage() + " (also with a fresh URL)", again);
            }
        }
    }

    /** The item's URL in the post as Patreon shows it now (signed URLs expire). */
    private Optional<String> freshUrl(PostMediaRecord item, PostsRecord post) throws Exception {
        PostPage page = posts.fetch(post.getExternalId());
        List<MediaItem> items = MediaItems.of(page.document(), page.resource(), page.content());
        return items.stream()
                .filter(candidate -> candidate.kind() == item.getKind())
                .filter(candidate -> item.getExternalMediaId() != null
                        ? candidate
                                .externalMediaId()
                                .filter(item.getExternalMediaId()::equals)
                                .isPresent()
                        : candidate.sourceUrl().isPresent())
                .findFirst()
                .flatMap(MediaItem::sourceUrl);
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

    private static boolean isHls(PostMediaRecord item) {
        return "hls"
                        .equals(VideoMetadata.parse(item.getMetadata())
                                .path("delivery")
                                .asText())
                || (item.getSourceUrl() != null && item.getSourceUrl().contains(".m3u8"));
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

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.warn("could not delete temp file {}: {}", path, e.toString());
                }
            });
        } catch (IOException e) {
            log.warn("could not clean temp dir {}: {}", dir, e.toString());
        }
    }

    @Override
    public void onGaveUp(DownloadMedia job, JobContext context, String reason) {
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            Optional<PostMediaRecord> item = tx.selectFrom(POST_MEDIA)
                    .where(POST_MEDIA.ID.eq(job.postMediaId()))
                    .fetchOptional();
            if (item.isEmpty() || item.get().getStatus() != PostMediaStatus.queued) {
                return;
            }
            tx.update(POST_MEDIA)
                    .set(POST_MEDIA.STATUS, PostMediaStatus.failed)
                    .set(POST_MEDIA.LAST_ERROR, reason)
                    .where(POST_MEDIA.ID.eq(job.postMediaId()))
                    .execute();
            if (item.get().getExternalMediaId() != null) {
                tx.update(VIDEOS)
                        .set(VIDEOS.STATUS, VideoStatus.failed)
                        .set(VIDEOS.LAST_ERROR, reason)
                        .where(
                                VIDEOS.POST_ID.eq(item.get().getPostId()),
                                VIDEOS.EXTERNAL_ID.eq(item.get().getExternalMediaId()),
                                VIDEOS.STATUS.in(VideoStatus.queued, VideoStatus.processing, VideoStatus.pending))
                        .execute();
            }
        });
    }
}
