package org.creatorarchiver.config;

import static org.creatorarchiver.config.EnvironmentVariables.*;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.creatorarchiver.redis.RedisUrl;

/** Reads and validates every variable; the first bad one stops it with a {@link ConfigException}. */
final class AppConfigLoader {

    private final EnvReader env;
    private final Path workingDirectory;

    AppConfigLoader(Map<String, String> env, Path workingDirectory) {
        this.env = new EnvReader(env);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    AppConfig load() {
        LoggingConfig logging = logging();
        DatabaseConfig database = DatabaseConfigReader.read(env);
        RedisUrl redisUrl = redisUrl();
        Path mediaDir = mediaDir();
        PatreonConfig patreon = new PatreonConfig(patreonBaseUrl(), patreonSessionId());
        int maxVideoDuration = env.integer(
                MAX_VIDEO_DURATION_SECONDS,
                DEFAULT_MAX_VIDEO_DURATION_SECONDS,
                MIN_MAX_VIDEO_DURATION_SECONDS,
                MAX_MAX_VIDEO_DURATION_SECONDS);
        ExternalTools tools =
                new ExternalTools(command(YTDLP_PATH, DEFAULT_YTDLP_PATH), command(FFMPEG_PATH, DEFAULT_FFMPEG_PATH));
        var workerConcurrency = env.optionalInteger(WORKER_CONCURRENCY, MIN_WORKER_CONCURRENCY, MAX_WORKER_CONCURRENCY);
        SettingsFile settingsFile = SettingsFile.locate(env.plain(ARCHIVER_SETTINGS), workingDirectory);
        return new AppConfig(
                database,
                redisUrl,
                mediaDir,
                patreon,
                maxVideoDuration,
                tools,
                workerConcurrency,
                logging,
                settingsFile.description(),
                settingsFile.load());
    }

    private LoggingConfig logging() {
        LogFormat format = env.plain(LOG_FORMAT)
                .map(value -> LogFormat.fromEnv(value)
                        .orElseThrow(() -> EnvReader.invalid(LOG_FORMAT, value, "must be \"text\" or \"json\"")))
                .orElse(DEFAULT_LOG_FORMAT);
        LogLevel level = env.plain(LOG_LEVEL)
                .map(value -> LogLevel.fromEnv(value)
                        .orElseThrow(() -> EnvReader.invalid(
                                LOG_LEVEL, value, "must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF")))
                .orElse(DEFAULT_LOG_LEVEL);
        return new LoggingConfig(format, level);
    }

    private RedisUrl redisUrl() {
        String value = env.plain(REDIS_URL, DEFAULT_REDIS_URL);
        try {
            return RedisUrl.parse(value);
        } catch (IllegalArgumentException e) {
            throw ConfigException.variable(REDIS_URL, Display.value(Display.maskUrl(value)), e.getMessage());
        }
    }

    private Path mediaDir() {
        String value = env.plain(MEDIA_DIR, DEFAULT_MEDIA_DIR);
        Path dir;
        try {
            dir = workingDirectory.resolve(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw EnvReader.invalid(MEDIA_DIR, value, "not a valid path (" + e.getReason() + ")");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw EnvReader.invalid(MEDIA_DIR, value, "exists but is not a directory (" + dir + ")");
        }
        return dir;
    }

    private URI patreonBaseUrl() {
        String value = env.plain(PATREON_BASE_URL, DEFAULT_PATREON_BASE_URL);
        String rule = "must be an http:// or https:// URL with a host, such as " + DEFAULT_PATREON_BASE_URL;
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw ConfigException.variable(PATREON_BASE_URL, Display.value(Display.maskUrl(value)), rule);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw ConfigException.variable(PATREON_BASE_URL, Display.value(Display.maskUrl(value)), rule);
        }
        if (uri.getRawUserInfo() != null) {
            throw ConfigException.variable(
                    PATREON_BASE_URL,
                    Display.value(Display.maskUrl(value)),
                    "must not contain credentials (the session goes in PATREON_SESSION_ID)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw EnvReader.invalid(PATREON_BASE_URL, value, "must not have a query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return URI.create(scheme + "://" + uri.getHost() + port + path);
    }

    private Optional<Secret> patreonSessionId() {
        Optional<Secret> sessionId = env.secret(PATREON_SESSION_ID);
        sessionId.ifPresent(AppConfigLoader::checkCookieValue);
        return sessionId;
    }

    /** The cookie goes into a header verbatim, so characters that would break or extend the header are refused. */
    private static void checkCookieValue(Secret sessionId) {
        String value = sessionId.reveal();
        if (value.startsWith("session_id=")) {
            throw EnvReader.invalidSecret(PATREON_SESSION_ID, "must be the cookie's value without \"session_id=\"");
        }
        boolean unsafe =
                value.chars().anyMatch(c -> c <= ' ' || c >= 0x7f || c == ';' || c == ',' || c == '"' || c == '\\');
        if (unsafe) {
            throw EnvReader.invalidSecret(
                    PATREON_SESSION_ID,
                    "must be the session_id cookie's value alone (no spaces, quotes, commas, semicolons or line breaks)");
        }
    }

    private String command(String name, String defaultValue) {
        String value = env.plain(name, defaultValue);
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw EnvReader.invalid(name, value, "must be a program name or path without control characters");
        }
        return value;
    }
}
