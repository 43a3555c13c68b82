package org.creatorarchiver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.KeyValuePair;

class ConfigStartupTest {

    @TempDir
    Path workingDirectory;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<Integer> exitCodes = new ArrayList<>();

    @Test
    void badValuePrintsOneLineAndExitsWithTwo() {
        assertThatThrownBy(() -> ConfigStartup.loadOrExit(
                        () -> AppConfig.load(Map.of("MAX_VIDEO_DURATION_SECONDS", "30"), workingDirectory),
                        new PrintStream(stderr, true, StandardCharsets.UTF_8),
                        exitCodes::add))
                .isInstanceOf(ConfigException.class);

        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .isEqualTo("configuration error: MAX_VIDEO_DURATION_SECONDS=30: must be between 60 and 7200"
                        + System.lineSeparator());
        assertThat(exitCodes).containsExactly(2);
    }

    @Test
    void goodConfigurationPrintsNothingAndDoesNotExit() {
        AppConfig config = ConfigStartup.loadOrExit(
                () -> AppConfig.load(Map.of(), workingDirectory),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                exitCodes::add);

        assertThat(config.maxVideoDurationSeconds()).isEqualTo(2159);
        assertThat(stderr.size()).isZero();
        assertThat(exitCodes).isEmpty();
    }

    @Test
    void effectiveConfigurationIsLoggedOnceWithKeyValuesAndAWarningWithoutSession() {
        AppConfig config = AppConfig.load(Map.of("WORKER_CONCURRENCY", "3"), workingDirectory);
        ListAppender<ILoggingEvent> captured = SecretsTest.captureLogger("startup-test");

        ConfigStartup.logEffectiveConfiguration(config, (Logger) org.slf4j.LoggerFactory.getLogger("startup-test"));

        assertThat(captured.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO, Level.WARN);
        ILoggingEvent info = captured.list.get(0);
        assertThat(info.getFormattedMessage()).isEqualTo("effective configuration");
        assertThat(info.getKeyValuePairs())
                .extracting(pair -> pair.key + "=" + pair.value)
                .contains(
                        "WORKER_CONCURRENCY=3",
                        "PATREON_SESSION_ID=(not set)",
                        "MAX_VIDEO_DURATION_SECONDS=2159",
                        "REDIS_URL=redis://127.0.0.1:6379/0");
        assertThat(info.getKeyValuePairs())
                .extracting(pair -> pair.key)
                .containsExactlyElementsOf(config.describe().keySet());
        assertThat(captured.list.get(1).getFormattedMessage())
                .isEqualTo("PATREON_SESSION_ID is not set: only public posts will be archived");
    }

    @Test
    void aCliVerbLogsNothingAboutItsConfigurationUnlessAtDebug() {
        AppConfig config = AppConfig.load(Map.of(), workingDirectory);
        ListAppender<ILoggingEvent> captured = SecretsTest.captureLogger("startup-verb-test");
        Logger logger = (Logger) org.slf4j.LoggerFactory.getLogger("startup-verb-test");
        logger.setLevel(Level.INFO);

        ConfigStartup.logForCommand(config, logger);
        assertThat(captured.list)
                .as("no configuration line, no cookie warning at INFO")
                .isEmpty();

        logger.setLevel(Level.DEBUG);
        ConfigStartup.logForCommand(config, logger);
        assertThat(captured.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG);
        assertThat(captured.list.get(0).getFormattedMessage()).isEqualTo("effective configuration");
    }

    @Test
    void noWarningWhenTheSessionIsSet() {
        AppConfig config = AppConfig.load(Map.of("PATREON_SESSION_ID", "abc"), workingDirectory);
        ListAppender<ILoggingEvent> captured = SecretsTest.captureLogger("startup-session-test");

        ConfigStartup.logEffectiveConfiguration(
                config, (Logger) org.slf4j.LoggerFactory.getLogger("startup-session-test"));

        assertThat(captured.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO);
        assertThat(captured.list.get(0).getKeyValuePairs())
                .extracting((KeyValuePair pair) -> pair.key + "=" + pair.value)
                .contains("PATREON_SESSION_ID=****");
    }
}
