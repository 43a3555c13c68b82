package org.creatorarchiver.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creatorarchiver.config.Settings.YoutubeMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in defaults are the documented ones (docs/ARCHITECTURE.md "Configuration"), and config/settings.json
 * holds exactly those.
 */
class SettingsDefaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON block of docs/ARCHITECTURE.md "Configuration", copied verbatim into the test resources. */
    private static JsonNode designDefaults() throws IOException {
        try (InputStream in = SettingsDefaultsTest.class.getResourceAsStream("/config/design-defaults.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void defaultsEqualDesignDocumentFieldByField() throws IOException {
        JsonNode design = designDefaults();
        Settings defaults = Settings.defaults();

        JsonNode images = design.at("/media/images");
        assertThat(defaults.media().images().download())
                .isEqualTo(images.get("download").booleanValue())
                .isFalse();
        assertThat(defaults.media().images().storeUrls())
                .isEqualTo(images.get("store_urls").booleanValue())
                .isTrue();

        JsonNode videos = design.at("/media/patreon/videos");
        assertThat(defaults.media().patreon().videos().download())
                .isEqualTo(videos.get("download").booleanValue());
        assertThat(defaults.media().patreon().videos().quality())
                .isEqualTo(videos.get("quality").textValue());
        assertThat(defaults.media().patreon().videos().format())
                .isEqualTo(videos.get("format").textValue());
        JsonNode audios = design.at("/media/patreon/audios");
        assertThat(defaults.media().patreon().audios().download())
                .isEqualTo(audios.get("download").booleanValue());
        assertThat(defaults.media().patreon().audios().format())
                .isEqualTo(audios.get("format").textValue());
        assertThat(defaults.media().patreon().attachments().download())
                .isEqualTo(design.at("/media/patreon/attachments/download").booleanValue());

        JsonNode youtube = design.at("/media/youtube");
        assertThat(defaults.media().youtube().mode()).isEqualTo(YoutubeMode.EMBED);
        assertThat(defaults.media().youtube().mode().jsonName())
                .isEqualTo(youtube.get("mode").textValue());
        assertThat(defaults.media().youtube().downloadIfEmbedFails())
                .isEqualTo(youtube.get("download_if_embed_fails").booleanValue());
        JsonNode download = youtube.get("download_settings");
        var downloadDefaults = defaults.media().youtube().downloadSettings();
        assertThat(downloadDefaults.quality()).isEqualTo(download.get("quality").textValue());
        assertThat(downloadDefaults.subtitles())
                .containsExactly(texts(download.get("subtitles")).toArray(String[]::new));
        assertThat(downloadDefaults.autoSubtitles())
                .isEqualTo(download.get("auto_subtitles").booleanValue());
        assertThat(downloadDefaults.maxRetries())
                .isEqualTo(download.get("max_retries").intValue());
        assertThat(downloadDefaults.retryDelay())
                .isEqualTo(Duration.ofSeconds(download.get("retry_delay").intValue()));

        JsonNode dedup = design.at("/media/deduplication");
        assertThat(defaults.media().deduplication().enabled())
                .isEqualTo(dedup.get("enabled").booleanValue());
        assertThat(defaults.media().deduplication().hashAlgorithm())
                .isEqualTo(dedup.get("hash_algorithm").textValue());

        JsonNode concurrency = design.at("/queue/concurrency");
        assertThat(defaults.queue().concurrency().phase1())
                .isEqualTo(concurrency.get("phase1").intValue());
        assertThat(defaults.queue().concurrency().phase2())
                .isEqualTo(concurrency.get("phase2").intValue());
        assertThat(defaults.queue().concurrency().media())
                .isEqualTo(concurrency.get("media").intValue());
        assertThat(defaults.queue().concurrency().phase3())
                .isEqualTo(concurrency.get("phase3").intValue());
        assertThat(defaults.queue().concurrency().transcribe())
                .isEqualTo(concurrency.get("transcribe").intValue())
                .isEqualTo(1);
        assertThat(defaults.queue().concurrency().summarize())
                .isEqualTo(concurrency.get("summarize").intValue())
                .isEqualTo(2);

        JsonNode scraping = design.get("scraping");
        assertThat(defaults.scraping().maxRetries())
                .isEqualTo(scraping.get("max_retries").intValue());
        assertThat(defaults.scraping().retryDelay())
                .isEqualTo(Duration.ofSeconds(scraping.get("retry_delay").intValue()));
        assertThat(defaults.scraping().timeout())
                .isEqualTo(Duration.ofSeconds(scraping.get("timeout").intValue()));
        assertThat(defaults.scraping().requestsPerSecond())
                .isEqualTo(scraping.get("requests_per_second").doubleValue());
        assertThat(scraping.get("user_agent").isNull()).isTrue();
        assertThat(defaults.scraping().userAgent()).isEmpty();
        assertThat(defaults.scraping().effectiveUserAgent()).isEqualTo(Settings.DEFAULT_USER_AGENT);
        assertThat(scraping.get("resync_interval").isNull()).isTrue();
        assertThat(defaults.scraping().resyncInterval()).isEmpty();

        JsonNode transcription = design.get("transcription");
        var t = defaults.transcription();
        assertThat(t.enabled())
                .isEqualTo(transcription.get("enabled").booleanValue())
                .isFalse();
        assertThat(t.baseUrl()).isEqualTo(transcription.get("base_url").textValue());
        assertThat(t.model()).isEqualTo(transcription.get("model").textValue());
        assertThat(transcription.get("language").isNull()).isTrue();
        assertThat(t.language()).isEmpty();
        assertThat(t.useCaptions()).isEqualTo(transcription.get("use_captions").booleanValue());
        assertThat(t.captionLanguages()).containsExactlyElementsOf(texts(transcription.get("caption_languages")));
        assertThat(t.chunkSeconds())
                .isEqualTo(transcription.get("chunk_seconds").intValue());
        assertThat(t.pricePerMinute())
                .isEqualTo(transcription.get("price_per_minute").doubleValue());

        JsonNode summary = design.get("summary");
        var s = defaults.summary();
        assertThat(s.enabled()).isEqualTo(summary.get("enabled").booleanValue()).isFalse();
        assertThat(s.baseUrl()).isEqualTo(summary.get("base_url").textValue());
        assertThat(s.model()).isEqualTo(summary.get("model").textValue());
        assertThat(s.language()).isEqualTo(summary.get("language").textValue());
        assertThat(s.maxInputTokens()).isEqualTo(summary.get("max_input_tokens").intValue());
        assertThat(s.pricePerMillionInput())
                .isEqualTo(summary.get("price_per_million_input").doubleValue());
        assertThat(s.pricePerMillionOutput())
                .isEqualTo(summary.get("price_per_million_output").doubleValue());

        assertThat(design.at("/budget/daily_usd").isNull()).isTrue();
        assertThat(defaults.budget().dailyUsd()).isEmpty();
    }

    @Test
    void theFieldByFieldCheckCoversEveryLeafOfTheDesignDocument() throws IOException {
        // 45 leaves: if the documented defaults (docs/ARCHITECTURE.md) gain a setting, the test above must gain
        // an assertion.
        assertThat(leafPaths(designDefaults(), "")).hasSize(45);
    }

    @Test
    void defaultsWrittenBackAsJsonAreTheDesignDocument() throws IOException {
        assertThat(SettingsJson.tree(Settings.defaults())).isEqualTo(designDefaults());
    }

    @Test
    void designDocumentParsesToTheDefaults() throws IOException {
        assertThat(SettingsFile.parse("design", designDefaults().toString())).isEqualTo(Settings.defaults());
    }

    @Test
    void emptyObjectMeansAllDefaults() {
        assertThat(SettingsFile.parse("empty", "{}")).isEqualTo(Settings.defaults());
        assertThat(SettingsFile.parse("empty", "{\"media\": {\"patreon\": {}}, \"queue\": {}}"))
                .isEqualTo(Settings.defaults());
    }

    @Test
    void repositorySettingsFileHoldsExactlyTheDocumentedDefaults() throws IOException {
        Path repositoryFile = Path.of("..", "config", "settings.json");
        assertThat(JSON.readTree(repositoryFile.toFile())).isEqualTo(designDefaults());

        AppConfig config =
                AppConfig.load(Map.of(EnvironmentVariables.ARCHIVER_SETTINGS, "config/settings.json"), Path.of(".."));
        assertThat(config.settings()).isEqualTo(Settings.defaults());
        assertThat(config.settingsFile()).isEqualTo("config/settings.json");
    }

    @Test
    void emptyEnvironmentWithoutSettingsFileGivesDocumentedDefaults(@TempDir Path workingDirectory) {
        AppConfig config = AppConfig.load(Map.of(), workingDirectory);

        assertThat(config.settings()).isEqualTo(Settings.defaults());
        assertThat(config.settingsFile()).isEqualTo("(built-in defaults: config/settings.json not found)");
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/archiver");
        assertThat(config.database().user()).isEqualTo("archiver");
        assertThat(config.database().password().reveal()).isEmpty();
        assertThat(config.redisUrl().toString()).isEqualTo("redis://127.0.0.1:6379/0");
        assertThat(config.mediaDir())
                .isEqualTo(workingDirectory.toAbsolutePath().resolve("media"));
        assertThat(config.patreon().baseUrl()).hasToString("https://www.patreon.com");
        assertThat(config.patreon().sessionId()).isEmpty();
        assertThat(config.maxVideoDurationSeconds()).isEqualTo(2159);
        assertThat(config.tools()).isEqualTo(new ExternalTools("yt-dlp", "ffmpeg"));
        assertThat(config.workerConcurrency()).isEmpty();
        assertThat(config.concurrency("phase2")).isEqualTo(4);
        assertThat(config.logging()).isEqualTo(new LoggingConfig(LogFormat.TEXT, LogLevel.INFO));
    }

    @Test
    void defaultSettingsFileInWorkingDirectoryIsRead(@TempDir Path workingDirectory) throws IOException {
        Files.createDirectories(workingDirectory.resolve("config"));
        Files.writeString(
                workingDirectory.resolve("config/settings.json"), "{\"queue\": {\"concurrency\": {\"media\": 7}}}");

        AppConfig config = AppConfig.load(Map.of(), workingDirectory);

        assertThat(config.settingsFile()).isEqualTo("config/settings.json");
        assertThat(config.settings().queue().concurrency().media()).isEqualTo(7);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.textValue()));
        return texts;
    }

    private static List<String> leafPaths(JsonNode node, String path) {
        List<String> leaves = new ArrayList<>();
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(field -> leaves.addAll(leafPaths(field.getValue(), path + "/" + field.getKey())));
        } else {
            leaves.add(path);
        }
        return leaves;
    }
}
