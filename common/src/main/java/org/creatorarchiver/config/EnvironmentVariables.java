package org.creatorarchiver.config;

import org.creatorarchiver.redis.RedisUrl;

/** The environment variables every process reads, and their defaults (see docs/ARCHITECTURE.md, "Configuration"). */
public final class EnvironmentVariables {

    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DEFAULT_DATABASE_URL = "jdbc:postgresql://127.0.0.1:5432/archiver";

    public static final String DATABASE_USER = "DATABASE_USER";
    public static final String DEFAULT_DATABASE_USER = "archiver";

    /** Secret; may be empty. */
    public static final String DATABASE_PASSWORD = "DATABASE_PASSWORD";

    public static final String DEFAULT_DATABASE_PASSWORD = "";

    public static final String REDIS_URL = "REDIS_URL";
    public static final String DEFAULT_REDIS_URL = RedisUrl.DEFAULT;

    /** Resolved against the working directory. */
    public static final String MEDIA_DIR = "MEDIA_DIR";

    public static final String DEFAULT_MEDIA_DIR = "./media";

    public static final String PATREON_BASE_URL = "PATREON_BASE_URL";
    public static final String DEFAULT_PATREON_BASE_URL = "https://www.patreon.com";

    /** Secret; optional (without it only public posts are archived). */
    public static final String PATREON_SESSION_ID = "PATREON_SESSION_ID";

    public static final String MAX_VIDEO_DURATION_SECONDS = "MAX_VIDEO_DURATION_SECONDS";
    public static final int DEFAULT_MAX_VIDEO_DURATION_SECONDS = 2159;
    public static final int MIN_MAX_VIDEO_DURATION_SECONDS = 60;
    public static final int MAX_MAX_VIDEO_DURATION_SECONDS = 7200;

    /** Relative to the working directory; a missing default file means built-in defaults, a missing named file is an error. */
    public static final String ARCHIVER_SETTINGS = "ARCHIVER_SETTINGS";

    public static final String DEFAULT_ARCHIVER_SETTINGS = "config/settings.json";

    public static final String YTDLP_PATH = "YTDLP_PATH";
    public static final String DEFAULT_YTDLP_PATH = "yt-dlp";

    public static final String FFMPEG_PATH = "FFMPEG_PATH";
    public static final String DEFAULT_FFMPEG_PATH = "ffmpeg";

    /** Optional; overrides the settings' {@code queue.concurrency} for every queue of this process. */
    public static final String WORKER_CONCURRENCY = "WORKER_CONCURRENCY";

    public static final int MIN_WORKER_CONCURRENCY = 1;
    public static final int MAX_WORKER_CONCURRENCY = 256;

    /** Read by logback itself (logback.xml); validated here so a typo stops the process. */
    public static final String LOG_FORMAT = "LOG_FORMAT";

    public static final LogFormat DEFAULT_LOG_FORMAT = LogFormat.TEXT;

    /** Read by logback itself (logback.xml); validated here so a typo stops the process. */
    public static final String LOG_LEVEL = "LOG_LEVEL";

    public static final LogLevel DEFAULT_LOG_LEVEL = LogLevel.INFO;

    /** Secret; the key of {@code transcription.base_url}, needed once transcription is enabled. */
    public static final String TRANSCRIPTION_API_KEY = "TRANSCRIPTION_API_KEY";

    /** Secret; the key of {@code summary.base_url}, needed once summaries are enabled. */
    public static final String SUMMARY_API_KEY = "SUMMARY_API_KEY";

    /**
     * Secret; when set, every page and API call of {@code serve} needs it (as a bearer token, or as the password of
     * the browser's sign-in prompt); {@code serve} on an address other than loopback refuses to start without it.
     */
    public static final String ARCHIVER_UI_TOKEN = "ARCHIVER_UI_TOKEN";

    public static final int MIN_UI_TOKEN_LENGTH = 16;

    private EnvironmentVariables() {}
}
