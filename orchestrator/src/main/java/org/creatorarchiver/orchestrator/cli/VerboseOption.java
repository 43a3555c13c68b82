package org.creatorarchiver.orchestrator.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --verbose}: a verb's own logs at DEBUG, the effective configuration included, which a verb otherwise keeps
 * off its stderr. Libraries stay at their configured level.
 */
public final class VerboseOption {

    private static final String ARCHIVER_LOGGERS = "org.creatorarchiver";

    private VerboseOption() {}

    public static void apply(boolean verbose) {
        if (verbose
                && LoggerFactory.getLogger(ARCHIVER_LOGGERS) instanceof Logger archiver
                && !archiver.isDebugEnabled()) {
            archiver.setLevel(Level.DEBUG);
        }
    }
}
