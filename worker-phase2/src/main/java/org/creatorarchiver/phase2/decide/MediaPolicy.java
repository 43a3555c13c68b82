package org.creatorarchiver.phase2.decide;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.phase2.media.MediaItem;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.policy.SkipReason;
import org.creatorarchiver.tools.ToolException;
import org.creatorarchiver.tools.VideoInfo;
import org.creatorarchiver.videos.DurationSkip;
import org.creatorarchiver.videos.VideoMetadata;
import org.jooq.DSLContext;

/**
 * Where phase 2 decides, per media item, between keeping a URL, downloading, pointing at Patreon, keeping an embed and
 * skipping (docs/ARCHITECTURE.md "Media decisions", "Duration policy"); the handlers and writers only carry it out.
 * <ol>
 *   <li>{@link #decide}: when a post is processed, from the settings, the lock and a known duration;
 *   <li>{@link #settle}, {@link #settleVideo}: what is already archived wins (a kept or linked file);
 *   <li>{@link #beforeDownload}: in the media job, the duration (probed with yt-dlp for YouTube) and whether a YouTube
 *       video can stay an embed;
 *   <li>{@link #skipAfterDownload}: a video whose duration was unknown, measured once downloaded.
 * </ol>
 */
public final class MediaPolicy {

    private final Settings.Media settings;
    private final DurationPolicy durations;
    private final Clock clock;

    public MediaPolicy(Settings.Media settings, DurationPolicy durations, Clock clock) {
        this.settings = settings;
        this.durations = durations;
        this.clock = clock;
    }

    /**
     * @param locked         the viewer cannot see the post: only its listing's media, never downloaded
     * @param limitSeconds   the source's video duration limit
     * @param processAnyway  an operator lifted the duration limit for this video once
     */
    public MediaDecision decide(MediaItem item, boolean locked, int limitSeconds, boolean processAnyway) {
        Optional<MediaDecision> tooLong = tooLong(item, limitSeconds, processAnyway);
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        if (locked) {
            return item.provider().isPresent()
                    ? video(PostMediaStatus.view_on_patreon, VideoStatus.view_on_patreon)
                    : plain(PostMediaStatus.view_on_patreon);
        }
        return byKind(item);
    }

    private MediaDecision byKind(MediaItem item) {
        Settings.PatreonMedia patreon = settings.patreon();
        return switch (item.kind()) {
            case image -> plain(settings.images().download() ? PostMediaStatus.queued : PostMediaStatus.url_only);
            case audio -> plain(patreon.audios().download() ? PostMediaStatus.queued : PostMediaStatus.view_on_patreon);
            case attachment ->
                plain(patreon.attachments().download() ? PostMediaStatus.queued : PostMediaStatus.url_only);
            case video ->
                patreon.videos().download()
                        ? video(PostMediaStatus.queued, VideoStatus.queued)
                        : video(PostMediaStatus.view_on_patreon, VideoStatus.view_on_patreon);
            case embed -> embed(item);
        };
    }

    private MediaDecision embed(MediaItem item) {
        if (item.provider().isEmpty()) {
            return plain(PostMediaStatus.embedded);
        }
        return switch (item.provider().get()) {
            // In embed mode with download_if_embed_fails, the media job asks yt-dlp whether the video may be
            // embedded, and keeps the embed or downloads (beforeDownload).
            case YOUTUBE ->
                settings.youtube().mode() == Settings.YoutubeMode.DOWNLOAD
                                || settings.youtube().downloadIfEmbedFails()
                        ? video(PostMediaStatus.queued, VideoStatus.queued)
                        : video(PostMediaStatus.embedded, VideoStatus.embedded);
            case VIMEO, PATREON -> video(PostMediaStatus.embedded, VideoStatus.embedded);
        };
    }

    /** A video whose duration Patreon reports over the limit; audio is never subject to the limit. */
    private Optional<MediaDecision> tooLong(MediaItem item, int limitSeconds, boolean processAnyway) {
        if (processAnyway || item.provider().isEmpty() || item.durationSeconds().isEmpty()) {
            return Optional.empty();
        }
        double seconds = item.durationSeconds().getAsDouble();
        if (!durations.exceeds(seconds, limitSeconds)) {
            return Optional.empty();
        }
        return Optional.of(new MediaDecision(
                PostMediaStatus.skipped, Optional.of(VideoStatus.skipped), Optional.of(skip(limitSeconds, seconds))));
    }

    /**
     * Archived bytes stay archived, whatever the settings or the limit say now: an item already downloaded with the
     * same identity keeps its file; an item to download whose media is archived (for any post) links that file.
     *
     * @param archived the file of the same media archived for any post (asked only for an item to download)
     */
    public Settled settle(
            MediaItem item,
            MediaDecision decision,
            Optional<PostMediaRecord> previous,
            Supplier<Optional<Archived>> archived) {
        Optional<PostMediaRecord> kept = previous.filter(row ->
                row.getStatus() == PostMediaStatus.downloaded && row.getMediaFileId() != null && sameItem(row, item));
        if (kept.isPresent()) {
            return new Settled(
                    PostMediaStatus.downloaded, Optional.of(kept.get().getMediaFileId()), Optional.empty());
        }
        Optional<Archived> linked = decision.downloads() ? archived.get() : Optional.empty();
        return linked.map(file ->
                        new Settled(PostMediaStatus.downloaded, Optional.of(file.mediaFileId()), file.videoId()))
                .orElseGet(() -> new Settled(decision.status(), Optional.empty(), Optional.empty()));
    }

    /**
     * The video of a settled item: {@code completed} when the item has a file; an archived video keeps its file; the
     * skip figures of the decision (a skip found at discovery keeps its reason and time) or none.
     */
    public SettledVideo settleVideo(Settled item, MediaDecision decision, Optional<VideosRecord> existing) {
        boolean keepFile = item.fileId().isEmpty()
                && existing.filter(v -> v.getStatus() == VideoStatus.completed && v.getMediaFileId() != null)
                        .isPresent();
        VideoMetadata stored =
                existing.map(v -> VideoMetadata.parse(v.getExtraMetadata())).orElse(VideoMetadata.EMPTY);
        if (keepFile) {
            return new SettledVideo(
                    VideoStatus.completed, Optional.of(existing.get().getMediaFileId()), stored.withoutSkip());
        }
        VideoStatus status = item.status() == PostMediaStatus.downloaded
                ? VideoStatus.completed
                : decision.videoStatus().orElseThrow();
        return new SettledVideo(status, item.fileId(), skipFigures(stored, decision, existing));
    }

    /** The decision's skip figures, except that a skip found at discovery keeps its reason and time; else none. */
    private static VideoMetadata skipFigures(
            VideoMetadata stored, MediaDecision decision, Optional<VideosRecord> existing) {
        if (decision.skip().isEmpty()) {
            return stored.withoutSkip();
        }
        boolean skippedAtDiscovery =
                existing.filter(v -> v.getStatus() == VideoStatus.skipped).isPresent()
                        && stored.skip().isPresent();
        return skippedAtDiscovery ? stored : stored.withSkip(decision.skip().get());
    }

    /** The media job's yt-dlp probe of a YouTube video. */
    @FunctionalInterface
    public interface Probe {
        VideoInfo probe() throws ToolException, InterruptedException;
    }

    /**
     * Right before downloading a video: its stored duration, or for YouTube the one yt-dlp reports, checked against
     * the limit; in embed mode with {@code download_if_embed_fails}, a YouTube video playable in an embed stays one.
     */
    public BeforeDownload beforeDownload(VideosRecord video, int limitSeconds, Probe probe)
            throws ToolException, InterruptedException {
        Optional<Double> known = Optional.ofNullable(video.getDurationSeconds()).map(Integer::doubleValue);
        if (video.getProvider() == VideoProvider.youtube && (known.isEmpty() || embedOnlyIfPlayable())) {
            VideoInfo info = probe.probe();
            if (embedOnlyIfPlayable() && info.playableInEmbed().orElse(true)) {
                return new BeforeDownload.KeepEmbed();
            }
            known = known.or(info::duration);
        }
        if (known.isPresent() && tooLong(video, known.get(), limitSeconds)) {
            return new BeforeDownload.Skip(skip(limitSeconds, known.get()));
        }
        return new BeforeDownload.Download(known);
    }

    /** After downloading a video whose duration was unknown: the skip when what was measured is over the limit. */
    public Optional<DurationSkip> skipAfterDownload(
            VideosRecord video, BeforeDownload.Download download, Optional<Double> measured, int limitSeconds) {
        if (download.knownSeconds().isPresent()
                || measured.isEmpty()
                || !tooLong(video, measured.get(), limitSeconds)) {
            return Optional.empty();
        }
        return Optional.of(skip(limitSeconds, measured.get()));
    }

    /** The source's limit as it is now: its own, else {@code MAX_VIDEO_DURATION_SECONDS}. */
    public int limitOf(DSLContext dsl, long sourceId) {
        return SourceDurationLimit.of(dsl, durations, sourceId);
    }

    /** Over the limit and not marked "process anyway". */
    private boolean tooLong(VideosRecord video, double seconds, int limitSeconds) {
        return durations.exceeds(seconds, limitSeconds)
                && !VideoMetadata.parse(video.getExtraMetadata()).processAnyway();
    }

    /** Embed mode with {@code download_if_embed_fails}: a YouTube video is downloaded only when it cannot be embedded. */
    private boolean embedOnlyIfPlayable() {
        return settings.youtube().mode() == Settings.YoutubeMode.EMBED
                && settings.youtube().downloadIfEmbedFails();
    }

    private DurationSkip skip(int limitSeconds, double seconds) {
        return DurationSkip.of(SkipReason.DURATION_EXCEEDED, limitSeconds, seconds, clock.instant());
    }

    private static boolean sameItem(PostMediaRecord previous, MediaItem item) {
        if (previous.getKind() != item.kind()) {
            return false;
        }
        if (item.externalMediaId().isPresent()) {
            return item.externalMediaId().get().equals(previous.getExternalMediaId());
        }
        return previous.getSourceUrl() != null
                && item.sourceUrl().isPresent()
                && MediaItem.withoutQuery(previous.getSourceUrl())
                        .equals(MediaItem.withoutQuery(item.sourceUrl().get()));
    }

    private static MediaDecision plain(PostMediaStatus status) {
        return new MediaDecision(status, Optional.empty(), Optional.empty());
    }

    private static MediaDecision video(PostMediaStatus status, VideoStatus videoStatus) {
        return new MediaDecision(status, Optional.of(videoStatus), Optional.empty());
    }
}
