package org.creatorarchiver.phase2.fetch;

import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.JsonbObjects;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.http.FailureKind;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.phase2.media.MediaItem;
import org.creatorarchiver.phase2.media.MediaItems;
import org.creatorarchiver.phase2.post.PostFetcher;
import org.creatorarchiver.phase2.post.PostPage;
import org.creatorarchiver.queue.JobFailure;
import org.creatorarchiver.tools.DownloadRequest;
import org.creatorarchiver.tools.ToolException;
import org.creatorarchiver.tools.VideoInfo;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a media item's bytes into the job's directory: files over HTTP (a 403 or 404 from the CDN, an expired
 * signature, is answered by one fresh URL from the post), Mux HLS and YouTube through yt-dlp.
 */
public final class MediaFetcher {

    private static final Logger log = LoggerFactory.getLogger(MediaFetcher.class);

    private final DSLContext dsl;
    private final DirectDownload direct;
    private final VideoDownload videos;
    private final PostFetcher posts;
    private final Settings.Media settings;

    public MediaFetcher(
            DSLContext dsl, DirectDownload direct, VideoDownload videos, PostFetcher posts, Settings.Media settings) {
        this.dsl = dsl;
        this.direct = direct;
        this.videos = videos;
        this.posts = posts;
        this.settings = settings;
    }

    /** What yt-dlp reports about a video without downloading it. */
    public VideoInfo probe(String url) throws ToolException, InterruptedException {
        return videos.ytDlp().probe(url, Map.of());
    }

    /** A video: yt-dlp for Mux HLS and YouTube (with the configured quality and subtitles), else HTTP. */
    public FetchedFile video(PostMediaRecord item, PostsRecord post, VideosRecord video, Path jobDir) throws Exception {
        boolean youTube = video.getProvider() == VideoProvider.youtube;
        if (!isHls(item) && !youTube) {
            return file(item, post, jobDir);
        }
        DownloadRequest request = youTube
                ? DownloadRequest.youtube(settings.youtube().downloadSettings())
                : DownloadRequest.patreonVideo(settings.patreon().videos());
        return videos.fetch(item.getSourceUrl(), jobDir, request);
    }

    /** The fetched video's duration: yt-dlp's, else ffprobe's when none was known beforehand. */
    public Optional<Double> measured(FetchedFile file, Optional<Double> knownSeconds)
            throws ToolException, InterruptedException {
        return file.measuredSeconds().isPresent() || knownSeconds.isPresent()
                ? file.measuredSeconds()
                : videos.measure(file.file().path());
    }

    /** A file over HTTP; a 403 or 404 from the CDN (an expired signature) is answered by one fresh URL. */
    public FetchedFile file(PostMediaRecord item, PostsRecord post, Path jobDir) throws Exception {
        Optional<String> fileName = Optional.ofNullable(
                JsonbObjects.parse(item.getMetadata()).path("file_name").asText(null));
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
            return again(item, post, jobDir, fileName, e);
        }
    }

    private FetchedFile again(
            PostMediaRecord item, PostsRecord post, Path jobDir, Optional<String> fileName, HttpFailureException e)
            throws Exception {
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

    private static boolean isHls(PostMediaRecord item) {
        return "hls"
                        .equals(JsonbObjects.parse(item.getMetadata())
                                .path("delivery")
                                .asText())
                || (item.getSourceUrl() != null && item.getSourceUrl().contains(".m3u8"));
    }
}
