package org.creatorarchiver.phase2.media;

import java.time.Clock;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.policy.SkipReason;

/**
 * Where phase 2 decides, per media item, between keeping a URL, downloading, pointing at Patreon, keeping an embed and
 * skipping (docs/ARCHITECTURE.md "Media decisions"): images are URLs unless {@code media.images.download}; Patreon
 * videos and audios are downloaded or "view on Patreon" as {@code media.patreon} says; attachments are downloaded;
 * YouTube is embedded or downloaded as {@code media.youtube.mode} says; Vimeo and other embeds stay embeds; a video
 * whose known duration is over the limit is skipped; a locked post's media are never downloaded.
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
        return switch (item.kind()) {
            case image -> plain(settings.images().download() ? PostMediaStatus.queued : PostMediaStatus.url_only);
            case audio ->
                plain(
                        settings.patreon().audios().download()
                                ? PostMediaStatus.queued
                                : PostMediaStatus.view_on_patreon);
            case attachment ->
                plain(settings.patreon().attachments().download() ? PostMediaStatus.queued : PostMediaStatus.url_only);
            case video ->
                settings.patreon().videos().download()
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
            // embedded, and keeps the embed or downloads.
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
                PostMediaStatus.skipped,
                Optional.of(VideoStatus.skipped),
                Optional.of(DurationPolicy.skipMetadata(
                        SkipReason.DURATION_EXCEEDED, limitSeconds, seconds, clock.instant()))));
    }

    private static MediaDecision plain(PostMediaStatus status) {
        return new MediaDecision(status, Optional.empty(), Optional.empty());
    }

    private static MediaDecision video(PostMediaStatus status, VideoStatus videoStatus) {
        return new MediaDecision(status, Optional.of(videoStatus), Optional.empty());
    }
}
