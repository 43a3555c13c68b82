package org.creatorarchiver.config.logback;

import java.nio.file.Path;
import java.util.Map;
import org.creatorarchiver.config.AppConfig;
import org.creatorarchiver.config.ConfigStartup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A process that logs a few known events, run by {@link LogbackConfigurationTest} in a child JVM. */
public final class LoggingProbe {

    static final String SESSION = "probe-session-value";

    private LoggingProbe() {}

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger("org.creatorarchiver.probe");
        log.atInfo()
                .setMessage("archived post {}")
                .addArgument(42)
                .addKeyValue("queue", "phase2")
                .addKeyValue("post_id", 42)
                .log();
        log.debug("debug detail");
        log.warn("plain warning");
        Logger library = LoggerFactory.getLogger("org.redisson.connection.Probe");
        library.info("library chatter");
        library.warn("library warning");
        AppConfig config = AppConfig.load(Map.of("PATREON_SESSION_ID", SESSION), Path.of(""));
        ConfigStartup.logEffectiveConfiguration(config, LoggerFactory.getLogger("org.creatorarchiver.startup"));
        System.out.println("result on stdout");
    }
}
