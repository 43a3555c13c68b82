package org.creatorarchiver.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/** What every process main does first: load the configuration or stop with one line, then log it once. */
public final class ConfigStartup {

    /** The exit status of a process stopped by a bad configuration value. */
    public static final int EXIT_CONFIGURATION_ERROR = 2;

    private static final Logger log = LoggerFactory.getLogger(ConfigStartup.class);

    private ConfigStartup() {
    }

    /**
     * Loads the configuration from the process environment and logs it; on a bad value prints
     * {@code configuration error: <line>} to stderr and exits with {@value #EXIT_CONFIGURATION_ERROR}.
     */
    public static AppConfig loadOrExit() {
        AppConfig config = loadOrExit(AppConfig::fromEnvironment, System.err, System::exit);
        logEffectiveConfiguration(config, log);
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
        var event = logger.atInfo().setMessage("effective configuration");
        for (Map.Entry<String, String> entry : config.describe().entrySet()) {
            event = event.addKeyValue(entry.getKey(), entry.getValue());
        }
        event.log();
        if (config.patreon().sessionId().isEmpty()) {
            logger.warn("{} is not set: only public posts will be archived",
                    EnvironmentVariables.PATREON_SESSION_ID);
        }
    }
}
