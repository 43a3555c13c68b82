package org.creatorarchiver.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** {@code LOG_LEVEL}: the root level, in logback's order from most to least verbose. */
public enum LogLevel {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR,
    OFF;

    /** Case-insensitive, as logback reads it. */
    public static Optional<LogLevel> fromEnv(String value) {
        String upper = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(level -> level.name().equals(upper))
                .findFirst();
    }

    /** The less verbose of the two: a library floored at WARN stays quiet, and LOG_LEVEL=ERROR silences it further. */
    public LogLevel atLeast(LogLevel floor) {
        return compareTo(floor) >= 0 ? this : floor;
    }
}
