package org.creatorarchiver.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings file ({@code config/settings.json}), one record per JSON object, in the file's shape.
 * {@link #defaults()} holds the documented defaults; {@link SettingsParser} overrides only the keys a file names.
 */
public record Settings(Media media, Queue queue, Scraping scraping) {

    /** The user agent sent to Patreon while {@code scraping.user_agent} is null: the current Android app's. */
    public static final String DEFAULT_USER_AGENT = "Patreon/126.9.0.15 (Android; Android 14; Scale/2.10)";

    /** The only hash the content-addressed media store knows. */
    public static final String HASH_ALGORITHM = "sha256";

    public static Settings defaults() {
        return new Settings(Media.DEFAULTS, Queue.DEFAULTS, Scraping.DEFAULTS);
    }

    public record Media(Images images, PatreonMedia patreon, Youtube youtube, Deduplication deduplication) {
        public static final Media DEFAULTS =
                new Media(Images.DEFAULTS, PatreonMedia.DEFAULTS, Youtube.DEFAULTS, Deduplication.DEFAULTS);
    }

    /** {@code download: false} means no image bytes at all (post images, covers, thumbnails, avatars). */
    public record Images(boolean download, boolean storeUrls) {
        public static final Images DEFAULTS = new Images(false, true);
    }

    public record PatreonMedia(PatreonVideos videos, PatreonAudios audios, Attachments attachments) {
        public static final PatreonMedia DEFAULTS =
                new PatreonMedia(PatreonVideos.DEFAULTS, PatreonAudios.DEFAULTS, Attachments.DEFAULTS);
    }

    public record PatreonVideos(boolean download, String quality, String format) {
        public static final PatreonVideos DEFAULTS = new PatreonVideos(true, "best", "mp4");
    }

    public record PatreonAudios(boolean download, String format) {
        public static final PatreonAudios DEFAULTS = new PatreonAudios(true, "mp3");
    }

    public record Attachments(boolean download) {
        public static final Attachments DEFAULTS = new Attachments(true);
    }

    public record Youtube(YoutubeMode mode, boolean downloadIfEmbedFails, YoutubeDownload downloadSettings) {
        public static final Youtube DEFAULTS = new Youtube(YoutubeMode.EMBED, false, YoutubeDownload.DEFAULTS);
    }

    public enum YoutubeMode {
        EMBED,
        DOWNLOAD;

        /** The spelling used in the settings file. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How yt-dlp downloads run; {@code maxRetries} counts retries after the first attempt. */
    public record YoutubeDownload(
            String quality, List<String> subtitles, boolean autoSubtitles, int maxRetries, Duration retryDelay) {
        public static final YoutubeDownload DEFAULTS =
                new YoutubeDownload("best", List.of("en", "es"), true, 5, Duration.ofSeconds(300));

        public YoutubeDownload {
            subtitles = List.copyOf(subtitles);
        }
    }

    /** Always on with SHA-256: the parser refuses anything else, the record only documents it. */
    public record Deduplication(boolean enabled, String hashAlgorithm) {
        public static final Deduplication DEFAULTS = new Deduplication(true, HASH_ALGORITHM);
    }

    public record Queue(Concurrency concurrency) {
        public static final Queue DEFAULTS = new Queue(Concurrency.DEFAULTS);
    }

    /** Consumer threads per queue in one process (the env var {@code WORKER_CONCURRENCY} overrides). */
    public record Concurrency(int phase1, int phase2, int media, int phase3) {
        public static final Concurrency DEFAULTS = new Concurrency(2, 4, 2, 2);

        /** The concurrency for a queue named as in Redis ({@code phase1}, {@code phase2}, {@code media}, {@code phase3}). */
        public int forQueue(String queue) {
            return switch (queue) {
                case "phase1" -> phase1;
                case "phase2" -> phase2;
                case "media" -> media;
                case "phase3" -> phase3;
                default -> throw new IllegalArgumentException("unknown queue: " + queue);
            };
        }
    }

    /**
     * How Patreon is fetched. {@code maxRetries} counts job retries after the first attempt; {@code userAgent} and
     * {@code resyncInterval} are empty when the file says null.
     */
    public record Scraping(
            int maxRetries,
            Duration retryDelay,
            Duration timeout,
            double requestsPerSecond,
            Optional<String> userAgent,
            Optional<Duration> resyncInterval) {
        public static final Scraping DEFAULTS =
                new Scraping(3, Duration.ofSeconds(60), Duration.ofSeconds(300), 2, Optional.empty(), Optional.empty());

        /** The user agent to send: the configured one, else {@link #DEFAULT_USER_AGENT}. */
        public String effectiveUserAgent() {
            return userAgent.orElse(DEFAULT_USER_AGENT);
        }
    }
}
