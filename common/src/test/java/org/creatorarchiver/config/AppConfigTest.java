package org.creatorarchiver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.creatorarchiver.config.Settings.Scraping;
import org.creatorarchiver.config.Settings.Youtube;
import org.creatorarchiver.config.Settings.YoutubeMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppConfigTest {

    @TempDir
    Path workingDirectory;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            MAX_VIDEO_DURATION_SECONDS | 30              | MAX_VIDEO_DURATION_SECONDS=30: must be between 60 and 7200
            MAX_VIDEO_DURATION_SECONDS | 7201            | MAX_VIDEO_DURATION_SECONDS=7201: must be between 60 and 7200
            MAX_VIDEO_DURATION_SECONDS | 36min           | MAX_VIDEO_DURATION_SECONDS=36min: must be a whole number between 60 and 7200
            MAX_VIDEO_DURATION_SECONDS | 120.5           | MAX_VIDEO_DURATION_SECONDS=120.5: must be a whole number between 60 and 7200
            WORKER_CONCURRENCY         | 0               | WORKER_CONCURRENCY=0: must be between 1 and 256
            WORKER_CONCURRENCY         | 257             | WORKER_CONCURRENCY=257: must be between 1 and 256
            WORKER_CONCURRENCY         | four            | WORKER_CONCURRENCY=four: must be a whole number between 1 and 256
            LOG_FORMAT                 | xml             | LOG_FORMAT=xml: must be "text" or "json"
            LOG_FORMAT                 | JSON            | LOG_FORMAT=JSON: must be "text" or "json"
            LOG_LEVEL                  | verbose         | LOG_LEVEL=verbose: must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF
            LOG_LEVEL                  | WARNING         | LOG_LEVEL=WARNING: must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF
            DATABASE_URL               | mysql://db/archiver            | DATABASE_URL=mysql://db/archiver: must be jdbc:postgresql://host:port/database or postgres://user:password@host:port/database
            DATABASE_URL               | 127.0.0.1:5432                 | DATABASE_URL=127.0.0.1:5432: must be jdbc:postgresql://host:port/database or postgres://user:password@host:port/database
            DATABASE_URL               | jdbc:postgresql://db:5432      | DATABASE_URL=jdbc:postgresql://db:5432: must name a database, as in jdbc:postgresql://host:port/database or postgres://user:password@host:port/database
            DATABASE_URL               | jdbc:postgresql:///archiver    | DATABASE_URL=jdbc:postgresql:///archiver: must name a host, as in jdbc:postgresql://host:port/database or postgres://user:password@host:port/database
            DATABASE_URL               | jdbc:postgresql://u:pw@db/a    | DATABASE_URL=jdbc:postgresql://u:****@db/a: a jdbc: URL cannot carry credentials; set DATABASE_USER and DATABASE_PASSWORD
            DATABASE_URL               | postgres://u:pw@db             | DATABASE_URL=postgres://u:****@db: must name a database, as in jdbc:postgresql://host:port/database or postgres://user:password@host:port/database
            DATABASE_URL               | postgresql://u:pw@:5432/a      | DATABASE_URL=postgresql://u:****@:5432/a: must name a host, as in jdbc:postgresql://host:port/database or postgres://user:password@host:port/database
            DATABASE_URL               | postgres://u:p%zz@db/a         | DATABASE_URL=postgres://u:****@db/a: not a valid URL (Malformed escape pair); characters such as @ : / # % in the user or password must be percent-encoded
            REDIS_URL                  | http://127.0.0.1:6379          | REDIS_URL=http://127.0.0.1:6379: scheme must be redis:// or rediss://
            REDIS_URL                  | redis://127.0.0.1:6379/first   | REDIS_URL=redis://127.0.0.1:6379/first: database index must be a number, got 'first'
            REDIS_URL                  | redis://:pw@127.0.0.1:6379/x   | REDIS_URL=redis://:****@127.0.0.1:6379/x: database index must be a number, got 'x'
            PATREON_BASE_URL           | ftp://www.patreon.com          | PATREON_BASE_URL=ftp://www.patreon.com: must be an http:// or https:// URL with a host, such as https://www.patreon.com
            PATREON_BASE_URL           | www.patreon.com                | PATREON_BASE_URL=www.patreon.com: must be an http:// or https:// URL with a host, such as https://www.patreon.com
            PATREON_BASE_URL           | https:///api                   | PATREON_BASE_URL=https:///api: must be an http:// or https:// URL with a host, such as https://www.patreon.com
            PATREON_BASE_URL           | http://fake:8080/?x=1          | PATREON_BASE_URL=http://fake:8080/?x=1: must not have a query or fragment
            PATREON_BASE_URL           | https://me:pw@www.patreon.com  | PATREON_BASE_URL=https://me:****@www.patreon.com: must not contain credentials (the session goes in PATREON_SESSION_ID)
            PATREON_SESSION_ID         | session_id=abc123              | PATREON_SESSION_ID=****: must be the cookie's value without "session_id="
            PATREON_SESSION_ID         | abc 123                        | PATREON_SESSION_ID=****: must be the session_id cookie's value alone (no spaces, quotes, commas, semicolons or line breaks)
            PATREON_SESSION_ID         | abc;path=/                     | PATREON_SESSION_ID=****: must be the session_id cookie's value alone (no spaces, quotes, commas, semicolons or line breaks)
            """)
    void badVariableGivesOneLineNamingItsValueAndRule(String name, String value, String expected) {
        ConfigException error = loadFailure(Map.of(name, value));

        assertThat(error.getMessage()).isEqualTo(expected).doesNotContain("\n", "\r");
    }

    @Test
    void controlCharactersInValuesAreEscapedSoTheErrorStaysOnOneLine() {
        ConfigException error = loadFailure(Map.of("YTDLP_PATH", "yt-dlp\u0007x", "LOG_LEVEL", "INFO"));
        assertThat(error.getMessage())
                .isEqualTo("YTDLP_PATH=yt-dlp\\u0007x: must be a program name or path without control characters");

        ConfigException multiline = loadFailure(Map.of("LOG_FORMAT", "json\nextra"));
        assertThat(multiline.getMessage()).isEqualTo("LOG_FORMAT=json\\nextra: must be \"text\" or \"json\"");
    }

    @Test
    void userGivenTwiceDifferentlyIsRefused() {
        ConfigException error =
                loadFailure(Map.of("DATABASE_URL", "postgres://alice@db/archive", "DATABASE_USER", "bob"));

        assertThat(error.getMessage())
                .isEqualTo("DATABASE_USER=bob: differs from the user in DATABASE_URL; set the user in one place only");
    }

    @Test
    void passwordGivenTwiceDifferentlyIsRefusedWithoutShowingEither() {
        ConfigException error =
                loadFailure(Map.of("DATABASE_URL", "postgres://alice:first@db/archive", "DATABASE_PASSWORD", "second"));

        assertThat(error.getMessage())
                .isEqualTo(
                        "DATABASE_PASSWORD=****: differs from the password in DATABASE_URL; set the password in one place only");
    }

    @Test
    void emptyVariablesCountAsUnset() {
        Map<String, String> allEmpty = new HashMap<>();
        for (String name : new String[] {
            "DATABASE_URL",
            "DATABASE_USER",
            "DATABASE_PASSWORD",
            "REDIS_URL",
            "MEDIA_DIR",
            "PATREON_BASE_URL",
            "PATREON_SESSION_ID",
            "MAX_VIDEO_DURATION_SECONDS",
            "ARCHIVER_SETTINGS",
            "YTDLP_PATH",
            "FFMPEG_PATH",
            "WORKER_CONCURRENCY",
            "LOG_FORMAT",
            "LOG_LEVEL"
        }) {
            allEmpty.put(name, "");
        }

        AppConfig fromEmpty = AppConfig.load(allEmpty, workingDirectory);

        assertThat(fromEmpty).isEqualTo(AppConfig.load(Map.of(), workingDirectory));
        assertThat(fromEmpty.patreon().sessionId()).isEmpty();
        assertThat(fromEmpty.workerConcurrency()).isEmpty();
    }

    @Test
    void plainValuesAreTrimmed() {
        AppConfig config =
                load(Map.of("MAX_VIDEO_DURATION_SECONDS", " 600 ", "LOG_LEVEL", "debug ", "WORKER_CONCURRENCY", "3\n"));

        assertThat(config.maxVideoDurationSeconds()).isEqualTo(600);
        assertThat(config.logging().level()).isEqualTo(LogLevel.DEBUG);
        assertThat(config.workerConcurrency()).hasValue(3);
    }

    @Test
    void everyVariableIsRead() throws IOException {
        Path settings = Files.writeString(workingDirectory.resolve("custom.json"), "{}");
        AppConfig config = load(Map.ofEntries(
                Map.entry("DATABASE_URL", "jdbc:postgresql://db.internal:6543/arch?sslmode=require"),
                Map.entry("DATABASE_USER", "scraper"),
                Map.entry("DATABASE_PASSWORD", "pw"),
                Map.entry("REDIS_URL", "rediss://:rpw@cache:6380/3"),
                Map.entry("MEDIA_DIR", "data/../store"),
                Map.entry("PATREON_BASE_URL", "http://127.0.0.1:8080/"),
                Map.entry("PATREON_SESSION_ID", "AbC-123_x"),
                Map.entry("MAX_VIDEO_DURATION_SECONDS", "7200"),
                Map.entry("ARCHIVER_SETTINGS", settings.toString()),
                Map.entry("YTDLP_PATH", "/opt/yt-dlp/yt-dlp"),
                Map.entry("FFMPEG_PATH", "/usr/bin/ffmpeg"),
                Map.entry("WORKER_CONCURRENCY", "16"),
                Map.entry("LOG_FORMAT", "json"),
                Map.entry("LOG_LEVEL", "warn")));

        assertThat(config.database())
                .isEqualTo(new DatabaseConfig(
                        "jdbc:postgresql://db.internal:6543/arch?sslmode=require", "scraper", Secret.of("pw")));
        assertThat(config.redisUrl().tls()).isTrue();
        assertThat(config.redisUrl().address()).isEqualTo("rediss://cache:6380");
        assertThat(config.redisUrl().password()).isEqualTo("rpw");
        assertThat(config.redisUrl().database()).isEqualTo(3);
        assertThat(config.mediaDir())
                .isEqualTo(workingDirectory.toAbsolutePath().resolve("store"));
        assertThat(config.patreon().baseUrl()).hasToString("http://127.0.0.1:8080");
        assertThat(config.patreon().host()).isEqualTo("127.0.0.1");
        assertThat(config.patreon().sessionId()).contains(Secret.of("AbC-123_x"));
        assertThat(config.maxVideoDurationSeconds()).isEqualTo(7200);
        assertThat(config.settingsFile()).isEqualTo(settings.toString());
        assertThat(config.tools()).isEqualTo(new ExternalTools("/opt/yt-dlp/yt-dlp", "/usr/bin/ffmpeg"));
        assertThat(config.workerConcurrency()).hasValue(16);
        assertThat(config.logging()).isEqualTo(new LoggingConfig(LogFormat.JSON, LogLevel.WARN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            postgres://alice:p%40ss+word@db.example:6543/archive?sslmode=require | jdbc:postgresql://db.example:6543/archive?sslmode=require | alice | p@ss+word
            postgresql://alice@db.example/archive                                | jdbc:postgresql://db.example/archive                      | alice | ''
            postgresql://db.example/archive                                      | jdbc:postgresql://db.example/archive                      | archiver | ''
            """)
    void postgresUrlsBecomeJdbcUrlsWithTheirCredentialsMovedOut(
            String url, String jdbcUrl, String user, String password) {
        DatabaseConfig database = load(Map.of("DATABASE_URL", url)).database();

        assertThat(database).isEqualTo(new DatabaseConfig(jdbcUrl, user, Secret.of(password)));
    }

    @Test
    void postgresUrlWithoutCredentialsTakesThemFromTheirVariables() {
        DatabaseConfig database = load(Map.of(
                        "DATABASE_URL", "postgres://db/archive", "DATABASE_USER", "bob", "DATABASE_PASSWORD", "pw"))
                .database();

        assertThat(database).isEqualTo(new DatabaseConfig("jdbc:postgresql://db/archive", "bob", Secret.of("pw")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.patreon.com", "https://www.patreon.com/", "HTTPS://www.patreon.com//"})
    void baseUrlIsNormalisedWithoutTrailingSlash(String value) {
        assertThat(load(Map.of("PATREON_BASE_URL", value)).patreon().baseUrl()).hasToString("https://www.patreon.com");
    }

    @Test
    void baseUrlMayCarryAPathPrefix() {
        assertThat(load(Map.of("PATREON_BASE_URL", "http://localhost:9000/fake/"))
                        .patreon()
                        .baseUrl())
                .hasToString("http://localhost:9000/fake");
    }

    @Test
    void workerConcurrencyOverridesEveryQueueOfTheProcess() {
        AppConfig overridden = load(Map.of("WORKER_CONCURRENCY", "9"));
        AppConfig fromSettings = load(Map.of());

        for (String queue : new String[] {"phase1", "phase2", "media", "phase3"}) {
            assertThat(overridden.concurrency(queue)).as(queue).isEqualTo(9);
        }
        assertThat(fromSettings.concurrency("phase1")).isEqualTo(2);
        assertThat(fromSettings.concurrency("phase2")).isEqualTo(4);
        assertThat(fromSettings.concurrency("media")).isEqualTo(2);
        assertThat(fromSettings.concurrency("phase3")).isEqualTo(2);
    }

    @Test
    void partialSettingsFileOverridesOnlyTheKeysItNames() throws IOException {
        Files.writeString(workingDirectory.resolve("partial.json"), """
                {"media": {"youtube": {"mode": "download", "download_settings": {"subtitles": ["pt-BR"]}}},
                 "scraping": {"requests_per_second": 0.5, "user_agent": "Archiver/1.0", "resync_interval": "PT6H"}}
                """);

        Settings settings = load(Map.of("ARCHIVER_SETTINGS", "partial.json")).settings();

        Settings d = Settings.defaults();
        Youtube youtube = new Youtube(
                YoutubeMode.DOWNLOAD,
                false,
                new Settings.YoutubeDownload("best", java.util.List.of("pt-BR"), true, 5, Duration.ofSeconds(300)));
        Scraping scraping = new Scraping(
                3,
                Duration.ofSeconds(60),
                Duration.ofSeconds(300),
                0.5,
                Optional.of("Archiver/1.0"),
                Optional.of(Duration.ofHours(6)));
        assertThat(settings)
                .isEqualTo(new Settings(
                        new Settings.Media(
                                d.media().images(),
                                d.media().patreon(),
                                youtube,
                                d.media().deduplication()),
                        d.queue(),
                        scraping));
        assertThat(settings.scraping().effectiveUserAgent()).isEqualTo("Archiver/1.0");
    }

    @Test
    void explicitSettingsFileMustExist() {
        ConfigException error = loadFailure(Map.of("ARCHIVER_SETTINGS", "conf/missing.json"));

        assertThat(error.getMessage())
                .isEqualTo("ARCHIVER_SETTINGS=conf/missing.json: file not found (looked for "
                        + workingDirectory.resolve("conf/missing.json") + ")");
    }

    @Test
    void explicitAbsoluteSettingsFileMustExist() {
        String missing = workingDirectory.resolve("missing.json").toString();

        assertThat(loadFailure(Map.of("ARCHIVER_SETTINGS", missing)).getMessage())
                .isEqualTo("ARCHIVER_SETTINGS=" + missing + ": file not found");
    }

    @Test
    void malformedSettingsFileNamesLineAndColumn() throws IOException {
        Files.createDirectories(workingDirectory.resolve("config"));
        Files.writeString(workingDirectory.resolve("config/settings.json"), """
                {"scraping": {
                   "max_retries": 3,
                    }
                }
                """);

        assertThat(loadFailure(Map.of()).getMessage())
                .isEqualTo("config/settings.json: not valid JSON (line 3, column 5)");
    }

    @Test
    void emptySettingsFileIsRefused() throws IOException {
        Files.writeString(workingDirectory.resolve("empty.json"), "");

        assertThat(loadFailure(Map.of("ARCHIVER_SETTINGS", "empty.json")).getMessage())
                .isEqualTo("empty.json: must be a JSON object, got an empty file");
    }

    @Test
    void settingsPathThatIsADirectoryIsRefused() throws IOException {
        Files.createDirectories(workingDirectory.resolve("config/settings.json"));

        assertThat(loadFailure(Map.of()).getMessage()).isEqualTo("config/settings.json: not a regular file");
    }

    @Test
    void mediaDirThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(workingDirectory.resolve("media"), "not a directory");

        assertThat(loadFailure(Map.of()).getMessage())
                .isEqualTo("MEDIA_DIR=./media: exists but is not a directory (" + file + ")");
    }

    private AppConfig load(Map<String, String> env) {
        return AppConfig.load(env, workingDirectory);
    }

    private ConfigException loadFailure(Map<String, String> env) {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> load(env));
        assertThat(error).as("a ConfigException for %s", env).isNotNull();
        return error;
    }
}
