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

    /** Reads the variables in argument order, so the first bad one is the one reported; logging comes first. */
    AppConfig load() {
        LoggingConfig logging = logging();
        return new AppConfig(
                DatabaseConfigReader.read(env),
                redisUrl(),
                mediaDir(),
                new PatreonConfig(patreonBaseUrl(), patreonSessionId()),
                maxVideoDuration(),
                tools(),
                env.optionalInteger(WORKER_CONCURRENCY, MIN_WORKER_CONCURRENCY, MAX_WORKER_CONCURRENCY),
                logging,
                new ApiKeys(apiKey(TRANSCRIPTION_API_KEY), apiKey(SUMMARY_API_KEY)),
                uiToken(),
                SettingsFile.locate(env.plain(ARCHIVER_SETTINGS), workingDirectory));
    }

    private int maxVideoDuration() {
        return env.integer(
                MAX_VIDEO_DURATION_SECONDS,
                DEFAULT_MAX_VIDEO_DURATION_SECONDS,
                MIN_MAX_VIDEO_DURATION_SECONDS,
                MAX_MAX_VIDEO_DURATION_SECONDS);
    }

    private ExternalTools tools() {
        return new ExternalTools(command(YTDLP_PATH, DEFAULT_YTDLP_PATH), command(FFMPEG_PATH, DEFAULT_FFMPEG_PATH));
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
        URI uri = httpUrl(value);
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
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + path);
    }

    /** {@code PATREON_BASE_URL} as an http or https URL with a host; anything else is refused. */
    private static URI httpUrl(String value) {
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
        return uri;
    }

    private Optional<Secret> patreonSessionId() {
        Optional<Secret> sessionId = env.secret(PATREON_SESSION_ID);
        sessionId.ifPresent(AppConfigLoader::checkCookieValue);
        return sessionId;
    }

    /** The cookie goes into a header verbatim, so characters that would break or extend the header are refused. */
    /** A key goes into an {@code Authorization} header: one line, no spaces. */
    /** Long enough not to be guessed over HTTP: it is all that guards a dashboard bound beyond loopback. */
    private Optional<Secret> uiToken() {
        Optional<Secret> token = apiKey(ARCHIVER_UI_TOKEN);
        token.ifPresent(secret -> {
            if (secret.reveal().length() < MIN_UI_TOKEN_LENGTH) {
                throw EnvReader.invalidSecret(
                        ARCHIVER_UI_TOKEN,
                        "must be at least " + MIN_UI_TOKEN_LENGTH + " characters (e.g. the output of"
                                + " `openssl rand -hex 16`)");
            }
        });
        return token;
    }

    private Optional<Secret> apiKey(String name) {
        Optional<Secret> key = env.secret(name);
        key.ifPresent(secret -> {
            if (secret.reveal().chars().anyMatch(c -> c <= ' ' || c == 127)) {
                throw EnvReader.invalidSecret(name, "must be the key alone, without spaces or line breaks");
            }
        });
        return key;
    }

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
