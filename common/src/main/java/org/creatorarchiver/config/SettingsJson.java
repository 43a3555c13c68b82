package org.creatorarchiver.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import org.creatorarchiver.config.Settings.*;

/** Writes {@link Settings} back in the settings file's shape (compact JSON), for the start-up log line. */
final class SettingsJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SettingsJson() {}

    static String write(Settings settings) {
        return tree(settings).toString();
    }

    static ObjectNode tree(Settings settings) {
        ObjectNode root = NODES.objectNode();
        media(root.putObject("media"), settings.media());
        root.putObject("queue").set("concurrency", concurrency(settings.queue().concurrency()));
        scraping(root.putObject("scraping"), settings.scraping());
        transcription(root.putObject("transcription"), settings.transcription());
        summary(root.putObject("summary"), settings.summary());
        ObjectNode budget = root.putObject("budget");
        settings.budget()
                .dailyUsd()
                .ifPresentOrElse(usd -> budget.put("daily_usd", usd), () -> budget.putNull("daily_usd"));
        return root;
    }

    private static void media(ObjectNode json, Media media) {
        json.putObject("images")
                .put("download", media.images().download())
                .put("store_urls", media.images().storeUrls());
        patreon(json.putObject("patreon"), media.patreon());
        youtube(json.putObject("youtube"), media.youtube());
        json.putObject("deduplication")
                .put("enabled", media.deduplication().enabled())
                .put("hash_algorithm", media.deduplication().hashAlgorithm());
    }

    private static void patreon(ObjectNode json, PatreonMedia patreon) {
        json.putObject("videos")
                .put("download", patreon.videos().download())
                .put("quality", patreon.videos().quality())
                .put("format", patreon.videos().format());
        json.putObject("audios")
                .put("download", patreon.audios().download())
                .put("format", patreon.audios().format());
        json.putObject("attachments").put("download", patreon.attachments().download());
    }

    private static void youtube(ObjectNode json, Youtube youtube) {
        json.put("mode", youtube.mode().jsonName());
        json.put("download_if_embed_fails", youtube.downloadIfEmbedFails());
        YoutubeDownload download = youtube.downloadSettings();
        ObjectNode settings = json.putObject("download_settings").put("quality", download.quality());
        download.subtitles().forEach(settings.putArray("subtitles")::add);
        settings.put("auto_subtitles", download.autoSubtitles())
                .put("max_retries", download.maxRetries())
                .put("retry_delay", (int) download.retryDelay().toSeconds());
    }

    private static ObjectNode concurrency(Concurrency concurrency) {
        return NODES.objectNode()
                .put("phase1", concurrency.phase1())
                .put("phase2", concurrency.phase2())
                .put("media", concurrency.media())
                .put("phase3", concurrency.phase3())
                .put("transcribe", concurrency.transcribe())
                .put("summarize", concurrency.summarize());
    }

    private static void scraping(ObjectNode json, Scraping scraping) {
        json.put("max_retries", scraping.maxRetries())
                .put("retry_delay", (int) scraping.retryDelay().toSeconds())
                .put("timeout", (int) scraping.timeout().toSeconds());
        double rate = scraping.requestsPerSecond();
        if (rate == Math.rint(rate)) {
            json.put("requests_per_second", (int) rate);
        } else {
            json.put("requests_per_second", rate);
        }
        putOptional(json, "user_agent", scraping.userAgent());
        putOptional(json, "resync_interval", scraping.resyncInterval().map(Duration::toString));
    }

    private static void transcription(ObjectNode json, Settings.Transcription transcription) {
        json.put("enabled", transcription.enabled())
                .put("base_url", transcription.baseUrl())
                .put("model", transcription.model());
        putOptional(json, "language", transcription.language());
        json.put("use_captions", transcription.useCaptions());
        transcription.captionLanguages().forEach(json.putArray("caption_languages")::add);
        json.put("chunk_seconds", transcription.chunkSeconds()).put("price_per_minute", transcription.pricePerMinute());
    }

    private static void summary(ObjectNode json, Settings.Summary summary) {
        json.put("enabled", summary.enabled())
                .put("base_url", summary.baseUrl())
                .put("model", summary.model())
                .put("language", summary.language())
                .put("max_input_tokens", summary.maxInputTokens())
                .put("price_per_million_input", summary.pricePerMillionInput())
                .put("price_per_million_output", summary.pricePerMillionOutput());
    }

    private static void putOptional(ObjectNode json, String key, Optional<String> value) {
        if (value.isPresent()) {
            json.put(key, value.get());
        } else {
            json.putNull(key);
        }
    }
}
