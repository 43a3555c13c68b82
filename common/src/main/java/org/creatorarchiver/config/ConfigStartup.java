package org.creatorarchiver.config;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * What every process main does first: load the configuration or stop with one line, then log it once: at INFO for a
 * process that runs until stopped (a worker, {@code serve}), at DEBUG for a CLI verb, whose stderr people read.
 */
public final class ConfigStartup {

    /** The exit status of a process stopped by a bad configuration value. */
    public static final int EXIT_CONFIGURATION_ERROR = 2;

    private static final Logger log = LoggerFactory.getLogger(ConfigStartup.class);

    private ConfigStartup() {}

    /**
     * Loads the configuration from the process environment for a CLI verb and logs it at DEBUG; on a bad value prints
     * {@code configuration error: <line>} to stderr and exits with {@value #EXIT_CONFIGURATION_ERROR}.
     */
    public static AppConfig loadOrExit() {
        AppConfig config = loadOrExit(AppConfig::fromEnvironment, System.err, System::exit);
        logForCommand(config, log);
        return config;
    }

    /**
     * Like {@link #loadOrExit()} for a process that runs until stopped: the configuration is logged at INFO, with the
     * warning about a missing Patreon session when {@code callsPatreon}.
     */
    public static AppConfig loadForServiceOrExit(boolean callsPatreon) {
        AppConfig config = loadOrExit(AppConfig::fromEnvironment, System.err, System::exit);
        if (callsPatreon) {
            logEffectiveConfiguration(config, log);
        } else {
            describe(config, log.atInfo()).log();
        }
        return config;
    }

    /** {@link #loadOrExit()} with its parts injected; when {@code exit} returns, the error is rethrown. */
    static AppConfig loadOrExit(Supplier<AppConfig> loader, PrintStream err, IntConsumer exit) {
        try {
            return loader.get();
        } catch (ConfigException e) {
            err.println("configuration error: " + e.getMessage());
            err.flush();
            exit.accept(EXIT_CONFIGURATION_ERROR);
            throw e;
        }
    }

    /**
     * One INFO line with the effective configuration as key-values (secrets masked), and one WARN when there is no
     * Patreon session, since then only public posts can be archived.
     */
    public static void logEffectiveConfiguration(AppConfig config, Logger logger) {
        describe(config, logger.atInfo()).log();
        if (config.patreon().sessionId().isEmpty()) {
            logger.warn("{} is not set: only public posts will be archived", EnvironmentVariables.PATREON_SESSION_ID);
        }
    }

    /** The effective configuration at DEBUG only, and no warning: a verb's stderr is for its own messages. */
    public static void logForCommand(AppConfig config, Logger logger) {
        if (logger.isDebugEnabled()) {
            describe(config, logger.atDebug()).log();
        }
    }

    private static LoggingEventBuilder describe(AppConfig config, LoggingEventBuilder event) {
        event = event.setMessage("effective configuration");
        for (Map.Entry<String, String> entry : config.describe().entrySet()) {
            event = event.addKeyValue(entry.getKey(), entry.getValue());
        }
        return event;
    }
}
