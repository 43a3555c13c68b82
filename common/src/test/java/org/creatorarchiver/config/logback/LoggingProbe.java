package org.creatorarchiver.config.logback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A process that logs a few known events, run by {@link LogbackConfigurationTest} in a child JVM. */
public final class LoggingProbe {

    private LoggingProbe() {
    }

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger("org.creatorarchiver.probe");
        log.atInfo().setMessage("archived post {}").addArgument(42)
                .addKeyValue("queue", "phase2").addKeyValue("post_id", 42).log();
        log.debug("debug detail");
        log.warn("plain warning");
        Logger library = LoggerFactory.getLogger("org.redisson.connection.Probe");
        library.info("library chatter");
        library.warn("library warning");
        System.out.println("result on stdout");
    }
}
