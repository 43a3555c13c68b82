package org.creatorarchiver.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.creatorarchiver.config.Settings.*;

/**
 * Turns a settings document into {@link Settings}: every key is optional and overrides only itself; unknown keys,
 * wrong types and values out of range are errors naming the JSON path. The ranges are stated in the messages.
 */
final class SettingsParser {

    static final int MAX_CONCURRENCY = 256;
    static final int MAX_RETRIES = 100;
    static final int MAX_DELAY_SECONDS = 86_400;
    static final int MAX_TIMEOUT_SECONDS = 3_600;
    static final double MAX_REQUESTS_PER_SECOND = 1_000;
    static final Duration MIN_RESYNC_INTERVAL = Duration.ofMinutes(1);

    /** A language code as yt-dlp's --sub-langs takes it: "en", "es", "pt-BR", "zh-Hans". */
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private SettingsParser() {}

    static Settings parse(String file, JsonNode document) {
        JsonObjectReader root = JsonObjectReader.root(file, document);
        Settings defaults = Settings.defaults();
        Settings settings = new Settings(
                media(root.object("media"), defaults.media()),
                queue(root.object("queue"), defaults.queue()),
                scraping(root.object("scraping"), defaults.scraping()),
                TranscriptSettingsParser.transcription(root.object("transcription"), defaults.transcription()),
                TranscriptSettingsParser.summary(root.object("summary"), defaults.summary()),
                TranscriptSettingsParser.budget(root.object("budget"), defaults.budget()));
        root.rejectUnknownKeys();
        return settings;
    }

    private static Media media(JsonObjectReader json, Media defaults) {
        return new Media(
                images(json.object("images"), defaults.images()),
                patreonMedia(json.object("patreon"), defaults.patreon()),
                youtube(json.object("youtube"), defaults.youtube()),
                deduplication(json.object("deduplication")));
    }

    private static Images images(JsonObjectReader json, Images defaults) {
        return new Images(json.bool("download", defaults.download()), json.bool("store_urls", defaults.storeUrls()));
    }

    private static PatreonMedia patreonMedia(JsonObjectReader json, PatreonMedia defaults) {
        JsonObjectReader videos = json.object("videos");
        JsonObjectReader audios = json.object("audios");
        JsonObjectReader attachments = json.object("attachments");
        return new PatreonMedia(
                new PatreonVideos(
                        videos.bool("download", defaults.videos().download()),
                        videos.text("quality", defaults.videos().quality()),
                        videos.text("format", defaults.videos().format())),
                new PatreonAudios(
                        audios.bool("download", defaults.audios().download()),
                        audios.text("format", defaults.audios().format())),
                new Attachments(
                        attachments.bool("download", defaults.attachments().download())));
    }

    private static Youtube youtube(JsonObjectReader json, Youtube defaults) {
        YoutubeMode mode =
                json.field("mode").map(node -> youtubeMode(json, node)).orElse(defaults.mode());
        boolean downloadIfEmbedFails = json.bool("download_if_embed_fails", defaults.downloadIfEmbedFails());
        return new Youtube(
                mode,
                downloadIfEmbedFails,
                youtubeDownload(json.object("download_settings"), defaults.downloadSettings()));
    }

    private static YoutubeDownload youtubeDownload(JsonObjectReader download, YoutubeDownload d) {
        return new YoutubeDownload(
                download.text("quality", d.quality()),
                download.field("subtitles")
                        .map(node -> languageCodes(download, "subtitles", node))
                        .orElse(d.subtitles()),
                download.bool("auto_subtitles", d.autoSubtitles()),
                download.integer("max_retries", d.maxRetries(), 0, MAX_RETRIES, ""),
                seconds(download, "retry_delay", d.retryDelay(), MAX_DELAY_SECONDS));
    }

    private static YoutubeMode youtubeMode(JsonObjectReader json, JsonNode node) {
        for (YoutubeMode mode : YoutubeMode.values()) {
            if (node.isTextual() && node.textValue().equals(mode.jsonName())) {
                return mode;
            }
        }
        throw json.error("mode", "must be \"embed\" or \"download\"", node);
    }

    static List<String> languageCodes(JsonObjectReader json, String key, JsonNode node) {
        if (!node.isArray()) {
            throw json.error(key, "must be a list of language codes such as [\"en\", \"es\"]", node);
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode code = node.get(i);
            if (!isLanguageCode(code)) {
                throw json.error(key + "[" + i + "]", "must be a language code such as \"en\" or \"pt-BR\"", code);
            }
            codes.add(code.textValue());
        }
        return codes;
    }

    static boolean isLanguageCode(JsonNode node) {
        return node.isTextual() && LANGUAGE_CODE.matcher(node.textValue()).matches();
    }

    /** Media files are stored under their SHA-256, so deduplication is part of the store and cannot change. */
    private static Deduplication deduplication(JsonObjectReader json) {
        if (!json.bool("enabled", true)) {
            throw json.error(
                    "enabled", "deduplication cannot be turned off (media files are stored once, under their SHA-256)");
        }
        json.field("hash_algorithm").ifPresent(node -> {
            if (!node.isTextual() || !node.textValue().equals(Settings.HASH_ALGORITHM)) {
                throw json.error(
                        "hash_algorithm",
                        "must be \"sha256\" (the media store is addressed by SHA-256; no other algorithm is supported)",
                        node);
            }
        });
        return Deduplication.DEFAULTS;
    }

    private static Queue queue(JsonObjectReader json, Queue defaults) {
        JsonObjectReader concurrency = json.object("concurrency");
        Concurrency d = defaults.concurrency();
        return new Queue(new Concurrency(
                concurrency.integer("phase1", d.phase1(), 1, MAX_CONCURRENCY, ""),
                concurrency.integer("phase2", d.phase2(), 1, MAX_CONCURRENCY, ""),
                concurrency.integer("media", d.media(), 1, MAX_CONCURRENCY, ""),
                concurrency.integer("phase3", d.phase3(), 1, MAX_CONCURRENCY, ""),
                concurrency.integer("transcribe", d.transcribe(), 1, MAX_CONCURRENCY, ""),
                concurrency.integer("summarize", d.summarize(), 1, MAX_CONCURRENCY, "")));
    }

    private static Scraping scraping(JsonObjectReader json, Scraping defaults) {
        return new Scraping(
                json.integer("max_retries", defaults.maxRetries(), 0, MAX_RETRIES, ""),
                seconds(json, "retry_delay", defaults.retryDelay(), MAX_DELAY_SECONDS),
                seconds(json, "timeout", defaults.timeout(), MAX_TIMEOUT_SECONDS),
                json.positiveNumber("requests_per_second", defaults.requestsPerSecond(), MAX_REQUESTS_PER_SECOND),
                json.field("user_agent").map(node -> userAgent(json, node)).orElse(defaults.userAgent()),
                json.field("resync_interval")
                        .map(node -> resyncInterval(json, node))
                        .orElse(defaults.resyncInterval()));
    }

    private static Duration seconds(JsonObjectReader json, String key, Duration defaultValue, int max) {
        return Duration.ofSeconds(json.integer(key, (int) defaultValue.toSeconds(), 1, max, "seconds"));
    }

    /** Null means the built-in user agent; a value goes into a header, so it must stay on one line. */
    private static Optional<String> userAgent(JsonObjectReader json, JsonNode node) {
        if (node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()
                || node.textValue().isBlank()
                || node.textValue().chars().anyMatch(Character::isISOControl)) {
            throw json.error("user_agent", "must be null or a non-empty string without line breaks", node);
        }
        return Optional.of(node.textValue());
    }

    private static Optional<Duration> resyncInterval(JsonObjectReader json, JsonNode node) {
        if (node.isNull()) {
            return Optional.empty();
        }
        String rule = "must be null or an ISO-8601 duration of at least PT1M, such as \"PT6H\"";
        Optional<Duration> interval = node.isTextual() ? isoDuration(node.textValue()) : Optional.empty();
        if (interval.isEmpty() || interval.get().compareTo(MIN_RESYNC_INTERVAL) < 0) {
            throw json.error("resync_interval", rule, node);
        }
        return interval;
    }

    private static Optional<Duration> isoDuration(String text) {
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
