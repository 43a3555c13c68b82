package org.creatorarchiver.config;

import static org.creatorarchiver.config.EnvironmentVariables.*;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.creatorarchiver.redis.RedisUrl;

/**
 * Everything a process is configured with: the environment (12-factor) plus the settings file, validated at
 * start-up. Immutable; secrets are {@link Secret}s, so neither {@link #toString()} nor {@link #describe()} shows them.
 *
 * @param settingsFile where {@link #settings()} came from: the file as named, or a note that the defaults apply
 * @param workerConcurrency {@code WORKER_CONCURRENCY}, which overrides the settings for this process when present
 * @param uiToken {@code ARCHIVER_UI_TOKEN}: when set, every page and API call of {@code serve} needs it
 */
public record AppConfig(
        DatabaseConfig database,
        RedisUrl redisUrl,
        Path mediaDir,
        PatreonConfig patreon,
        int maxVideoDurationSeconds,
        ExternalTools tools,
        OptionalInt workerConcurrency,
        LoggingConfig logging,
        ApiKeys apiKeys,
        Optional<Secret> uiToken,
        String settingsFile,
        Settings settings) {

    /** The environment's part as read, completed by the settings file it names (described, then loaded). */
    AppConfig(
            DatabaseConfig database,
            RedisUrl redisUrl,
            Path mediaDir,
            PatreonConfig patreon,
            int maxVideoDurationSeconds,
            ExternalTools tools,
            OptionalInt workerConcurrency,
            LoggingConfig logging,
            ApiKeys apiKeys,
            Optional<Secret> uiToken,
            SettingsFile settingsFile) {
        this(
                database,
                redisUrl,
                mediaDir,
                patreon,
                maxVideoDurationSeconds,
                tools,
                workerConcurrency,
                logging,
                apiKeys,
                uiToken,
                settingsFile.description(),
                settingsFile.load());
    }

    /** Reads the process environment; relative paths are resolved against the working directory. */
    public static AppConfig fromEnvironment() {
        return load(System.getenv(), Path.of("").toAbsolutePath());
    }

    /**
     * Reads {@code env} (an empty value counts as unset) and the settings file it names.
     *
     * @throws ConfigException on the first bad value, with a one-line message
     */
    public static AppConfig load(Map<String, String> env, Path workingDirectory) {
        return new AppConfigLoader(env, workingDirectory).load();
    }

    /**
     * The consumer threads for a queue ({@code phase1}, {@code phase2}, {@code media}, {@code phase3}):
     * {@code WORKER_CONCURRENCY} when set, else {@code queue.concurrency.<queue>} of the settings.
     *
     * @throws IllegalArgumentException for any other queue name
     */
    public int concurrency(String queue) {
        int fromSettings = settings.queue().concurrency().forQueue(queue);
        return workerConcurrency.orElse(fromSettings);
    }

    /**
     * The effective configuration for the start-up log line, keyed by environment variable, secrets masked:
     * passwords, the session id and the API keys show as {@code ****} (or {@code (empty)} / {@code (not set)}).
     */
    public Map<String, String> describe() {
        Map<String, String> view = new LinkedHashMap<>();
        view.put(DATABASE_URL, database.maskedJdbcUrl());
        view.put(DATABASE_USER, database.user());
        view.put(DATABASE_PASSWORD, database.password().masked());
        view.put(REDIS_URL, redisUrl.toString());
        view.put(MEDIA_DIR, mediaDir.toString());
        view.put(PATREON_BASE_URL, patreon.baseUrl().toString());
        view.put(PATREON_SESSION_ID, patreon.maskedSessionId());
        describeLimitsAndLogging(view);
        view.put(ARCHIVER_SETTINGS, settingsFile);
        view.put("settings", SettingsJson.write(settings));
        return Collections.unmodifiableMap(view);
    }

    private void describeLimitsAndLogging(Map<String, String> view) {
        view.put(MAX_VIDEO_DURATION_SECONDS, Integer.toString(maxVideoDurationSeconds));
        view.put(YTDLP_PATH, tools.ytDlp());
        view.put(FFMPEG_PATH, tools.ffmpeg());
        view.put(
                WORKER_CONCURRENCY,
                workerConcurrency.isPresent() ? Integer.toString(workerConcurrency.getAsInt()) : "(not set)");
        view.put(LOG_FORMAT, logging.format().envName());
        view.put(LOG_LEVEL, logging.level().name());
        view.put(TRANSCRIPTION_API_KEY, ApiKeys.masked(apiKeys.transcription()));
        view.put(SUMMARY_API_KEY, ApiKeys.masked(apiKeys.summary()));
        view.put(ARCHIVER_UI_TOKEN, ApiKeys.masked(uiToken));
    }

    @Override
    public String toString() {
        return describe().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ", "AppConfig[", "]"));
    }
}
