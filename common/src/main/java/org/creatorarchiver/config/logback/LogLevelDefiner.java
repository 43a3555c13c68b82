package org.creatorarchiver.config.logback;

import org.creatorarchiver.config.EnvironmentVariables;
import org.creatorarchiver.config.LogLevel;

/**
 * {@code <define>}s the effective {@code LOG_LEVEL} for logback.xml. With a {@code floor}, the result is never more
 * verbose than the floor: noisy libraries get {@code floor=WARN}, yet {@code LOG_LEVEL=ERROR} still quiets them.
 */
public final class LogLevelDefiner extends LoggingVariable {

    private LogLevel floor = LogLevel.TRACE;

    /** Set from {@code <floor>} in logback.xml. */
    public void setFloor(String floor) {
        this.floor = LogLevel.fromEnv(floor).orElseThrow(() -> new IllegalArgumentException("bad floor: " + floor));
    }

    @Override
    public String getPropertyValue() {
        return lookup(EnvironmentVariables.LOG_LEVEL)
                .flatMap(LogLevel::fromEnv)
                .orElse(EnvironmentVariables.DEFAULT_LOG_LEVEL)
                .atLeast(floor)
                .name();
    }
}
