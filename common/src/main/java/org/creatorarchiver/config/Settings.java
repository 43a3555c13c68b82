package org.creatorarchiver.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings file ({@code config/settings.json}), one record per JSON object, in the file's shape.
 * {@link #defaults()} holds the documented defaults; {@link SettingsParser} overrides only the keys a file names.
 */
public record Settings(
        Media media, Queue queue, Scraping scraping, Transcription transcription, Summary summary, Budget budget) {

    /** The user agent sent to Patreon while {@code scraping.user_agent} is null: the current Android app's. */
    public static final String DEFAULT_USER_AGENT = "Patreon/126.9.0.15 (Android; Android 14; Scale/2.10)";

    /** The only hash the content-addressed media store knows. */
    public static final String HASH_ALGORITHM = "sha256";

    public static Settings defaults() {
        return new Settings(
                Media.DEFAULTS,
                Queue.DEFAULTS,
                Scraping.DEFAULTS,
                Transcription.DEFAULTS,
                Summary.DEFAULTS,
                Budget.DEFAULTS);
    }

    /** The first wave's settings with the second wave's at their defaults (transcripts and summaries off). */
    public Settings(Media media, Queue queue, Scraping scraping) {
        this(media, queue, scraping, Transcription.DEFAULTS, Summary.DEFAULTS, Budget.DEFAULTS);
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
    public record Concurrency(int phase1, int phase2, int media, int phase3, int transcribe, int summarize) {
        public static final Concurrency DEFAULTS = new Concurrency(2, 4, 2, 2, 1, 2);

        /** The first wave's four queues, with phase 4's at their defaults. */
        public Concurrency(int phase1, int phase2, int media, int phase3) {
            this(phase1, phase2, media, phase3, DEFAULTS.transcribe, DEFAULTS.summarize);
        }

        /** The concurrency for a queue named as in Redis ({@code phase1}, {@code media}, {@code transcribe}, ...). */
        public int forQueue(String queue) {
            return switch (queue) {
                case "phase1" -> phase1;
                case "phase2" -> phase2;
                case "media" -> media;
                case "phase3" -> phase3;
                case "transcribe" -> transcribe;
                case "summarize" -> summarize;
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

    /**
     * Phase 4's transcripts: off unless enabled. Captions are preferred ({@code useCaptions}, in the order of
     * {@code captionLanguages}); otherwise the audio goes to an OpenAI-compatible {@code /audio/transcriptions} at
     * {@code baseUrl}, in chunks of at most {@code chunkSeconds}. {@code language} empty: the API detects it.
     */
    public record Transcription(
            boolean enabled,
            String baseUrl,
            String model,
            Optional<String> language,
            boolean useCaptions,
            List<String> captionLanguages,
            int chunkSeconds,
            double pricePerMinute) {
        public static final Transcription DEFAULTS = new Transcription(
                false,
                "https://api.openai.com/v1",
                "whisper-1",
                Optional.empty(),
                true,
                List.of("en", "es"),
                600,
                0.006);

        public Transcription {
            captionLanguages = List.copyOf(captionLanguages);
        }
    }

    /**
     * Phase 4's summaries: off unless enabled; an OpenAI-compatible {@code /chat/completions} at {@code baseUrl},
     * written in {@code language}. A transcript longer than {@code maxInputTokens} is summarized in parts first.
     */
    public record Summary(
            boolean enabled,
            String baseUrl,
            String model,
            String language,
            int maxInputTokens,
            double pricePerMillionInput,
            double pricePerMillionOutput) {
        public static final Summary DEFAULTS =
                new Summary(false, "https://api.deepseek.com", "deepseek-chat", "es", 24_000, 0.28, 0.42);
    }

    /** What paid calls may cost per UTC day; empty: no cap. */
    public record Budget(Optional<Double> dailyUsd) {
        public static final Budget DEFAULTS = new Budget(Optional.empty());
    }
}
