package org.creatorarchiver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Passwords, the Patreon session and the API keys never reach describe(), toString(), the start-up log or an error. */
class SecretsTest {

    private static final String DB_SECRET = "Db-Secret-1";
    private static final String REDIS_SECRET = "Redis-Secret-2";
    private static final String SESSION_SECRET = "Session-Secret-3";
    private static final String TRANSCRIPTION_SECRET = "Transcription-Secret-4";
    private static final String SUMMARY_SECRET = "Summary-Secret-5";
    private static final String UI_SECRET = "Ui-Token-Secret-6-0123456789";

    @TempDir
    Path workingDirectory;

    private static Map<String, String> withSecrets(String... overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "DATABASE_PASSWORD", DB_SECRET,
                "REDIS_URL", "redis://:" + REDIS_SECRET + "@127.0.0.1:6379/2",
                "PATREON_SESSION_ID", SESSION_SECRET,
                "TRANSCRIPTION_API_KEY", TRANSCRIPTION_SECRET,
                "SUMMARY_API_KEY", SUMMARY_SECRET,
                "ARCHIVER_UI_TOKEN", UI_SECRET));
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return env;
    }

    @Test
    void describeAndToStringMaskEverySecret() {
        AppConfig config = AppConfig.load(withSecrets(), workingDirectory);

        assertThat(config.patreon().sessionId().orElseThrow().reveal()).isEqualTo(SESSION_SECRET);
        assertThat(config.describe())
                .containsEntry("DATABASE_PASSWORD", "****")
                .containsEntry("PATREON_SESSION_ID", "****")
                .containsEntry("TRANSCRIPTION_API_KEY", "****")
                .containsEntry("SUMMARY_API_KEY", "****")
                .containsEntry("ARCHIVER_UI_TOKEN", "****")
                .containsEntry("REDIS_URL", "redis://:****@127.0.0.1:6379/2");
        assertThat(config.uiToken().orElseThrow().reveal()).isEqualTo(UI_SECRET);
        assertThat(config.apiKeys().transcription().orElseThrow().reveal()).isEqualTo(TRANSCRIPTION_SECRET);
        assertNoSecret(config.describe().toString());
        assertNoSecret(config.toString());
        assertNoSecret(config.database().toString());
        assertNoSecret(config.patreon().toString());
    }

    @Test
    void unsetSecretsAreShownAsSuch() {
        AppConfig config = AppConfig.load(Map.of(), workingDirectory);

        assertThat(config.describe())
                .containsEntry("DATABASE_PASSWORD", "(empty)")
                .containsEntry("PATREON_SESSION_ID", "(not set)")
                .containsEntry("TRANSCRIPTION_API_KEY", "(not set)")
                .containsEntry("SUMMARY_API_KEY", "(not set)")
                .containsEntry("ARCHIVER_UI_TOKEN", "(not set)");
    }

    @Test
    void aDashboardTokenTooShortToResistGuessingIsRefusedNamingTheVariable() {
        ConfigException error = catchThrowableOfType(
                ConfigException.class,
                () -> AppConfig.load(withSecrets("ARCHIVER_UI_TOKEN", "Ui-Secret-6"), workingDirectory));

        assertThat(error.getMessage())
                .contains("ARCHIVER_UI_TOKEN")
                .contains("at least 16")
                .doesNotContain("Ui-Secret");
    }

    @Test
    void passwordsInsideTheDatabaseUrlAreMasked() {
        AppConfig fromParameter = AppConfig.load(
                Map.of("DATABASE_URL", "jdbc:postgresql://db/archive?user=a&password=" + DB_SECRET + "&ssl=true"),
                workingDirectory);
        AppConfig fromUserInfo =
                AppConfig.load(Map.of("DATABASE_URL", "postgres://a:" + DB_SECRET + "@db/archive"), workingDirectory);

        assertThat(fromParameter.describe().get("DATABASE_URL"))
                .isEqualTo("jdbc:postgresql://db/archive?user=a&password=****&ssl=true");
        assertThat(fromUserInfo.database().password().reveal()).isEqualTo(DB_SECRET);
        assertNoSecret(fromParameter.toString());
        assertNoSecret(fromUserInfo.toString());
    }

    static Stream<Arguments> errorsAroundSecrets() {
        return Stream.of(
                Arguments.of((Object) new String[] {"DATABASE_URL", "postgres://a:" + DB_SECRET + "@db"}),
                Arguments.of((Object) new String[] {"DATABASE_URL", "postgres://a:" + DB_SECRET + "@/archive"}),
                Arguments.of((Object) new String[] {"DATABASE_URL", "postgres://a:p@" + DB_SECRET + "@db"}),
                Arguments.of((Object) new String[] {"DATABASE_URL", "postgres://a:" + DB_SECRET + "#x@db/archive"}),
                Arguments.of(
                        (Object) new String[] {"DATABASE_URL", "jdbc:postgresql://a:" + DB_SECRET + "@db/archive"}),
                Arguments.of((Object) new String[] {"DATABASE_URL", "jdbc:postgresql://db?password=" + DB_SECRET}),
                Arguments.of((Object) new String[] {"DATABASE_URL", "mysql://a:" + DB_SECRET + "@db/archive"}),
                Arguments.of((Object) new String[] {
                    "DATABASE_URL", "postgres://a:" + DB_SECRET + "@db/archive", "DATABASE_PASSWORD", "other"
                }),
                Arguments.of((Object) new String[] {"REDIS_URL", "redis://:" + REDIS_SECRET + "@127.0.0.1:6379/x"}),
                Arguments.of((Object) new String[] {"REDIS_URL", "redis://" + REDIS_SECRET + "@127.0.0.1:6379/x"}),
                Arguments.of((Object) new String[] {"REDIS_URL", "http://u:" + REDIS_SECRET + "@127.0.0.1:6379"}),
                Arguments.of((Object) new String[] {"REDIS_URL", "redis://:" + REDIS_SECRET + "@@/x"}),
                Arguments.of((Object)
                        new String[] {"PATREON_BASE_URL", "https://me:" + SESSION_SECRET + "@www.patreon.com"}),
                Arguments.of((Object) new String[] {"PATREON_SESSION_ID", "session_id=" + SESSION_SECRET}),
                Arguments.of((Object) new String[] {"PATREON_SESSION_ID", SESSION_SECRET + "; Path=/"}),
                Arguments.of((Object) new String[] {"TRANSCRIPTION_API_KEY", TRANSCRIPTION_SECRET + " tail"}),
                Arguments.of((Object) new String[] {"SUMMARY_API_KEY", SUMMARY_SECRET + "\n"}),
                Arguments.of((Object) new String[] {"ARCHIVER_UI_TOKEN", UI_SECRET + " tail"}),
                Arguments.of((Object) new String[] {"MAX_VIDEO_DURATION_SECONDS", "5"}));
    }

    @ParameterizedTest
    @MethodSource("errorsAroundSecrets")
    void errorsNeverShowASecret(String[] overrides) {
        ConfigException error = catchThrowableOfType(
                ConfigException.class, () -> AppConfig.load(withSecrets(overrides), workingDirectory));

        assertThat(error).isNotNull();
        assertNoSecret(error.getMessage());
        assertThat(error.getMessage()).doesNotContain("\n");
    }

    @Test
    void startupLogLineMasksSecrets() {
        AppConfig config = AppConfig.load(withSecrets(), workingDirectory);
        ListAppender<ILoggingEvent> captured = captureLogger("secrets-test");

        ConfigStartup.logEffectiveConfiguration(config, (Logger) org.slf4j.LoggerFactory.getLogger("secrets-test"));

        assertThat(captured.list).isNotEmpty();
        for (ILoggingEvent event : captured.list) {
            assertNoSecret(event.getFormattedMessage());
            assertNoSecret(String.valueOf(event.getKeyValuePairs()));
        }
    }

    static ListAppender<ILoggingEvent> captureLogger(String name) {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        Logger logger = context.getLogger(name);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.setAdditive(false);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        logger.detachAndStopAllAppenders();
        logger.addAppender(appender);
        return appender;
    }

    private static void assertNoSecret(String text) {
        assertThat(text)
                .doesNotContain(
                        DB_SECRET,
                        REDIS_SECRET,
                        SESSION_SECRET,
                        TRANSCRIPTION_SECRET,
                        SUMMARY_SECRET,
                        UI_SECRET,
                        "Secret");
    }
}
