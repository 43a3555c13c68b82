package org.creatorarchiver.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** {@code LOG_FORMAT}: human-readable lines or one JSON object per line. */
public enum LogFormat {
    TEXT,
    JSON;

    /** The spelling in {@code LOG_FORMAT} (and the name of the logback include it selects). */
    public String envName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Exact match on {@code text} or {@code json}. */
    public static Optional<LogFormat> fromEnv(String value) {
        return Arrays.stream(values())
                .filter(format -> format.envName().equals(value))
                .findFirst();
    }
}
