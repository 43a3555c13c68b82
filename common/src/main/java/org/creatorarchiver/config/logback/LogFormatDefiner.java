package org.creatorarchiver.config.logback;

import org.creatorarchiver.config.EnvironmentVariables;
import org.creatorarchiver.config.LogFormat;

/** {@code <define>}s the effective {@code LOG_FORMAT} ({@code text} or {@code json}) for logback.xml. */
public final class LogFormatDefiner extends LoggingVariable {

    @Override
    public String getPropertyValue() {
        return lookup(EnvironmentVariables.LOG_FORMAT)
                .flatMap(LogFormat::fromEnv)
                .orElse(EnvironmentVariables.DEFAULT_LOG_FORMAT)
                .envName();
    }
}
