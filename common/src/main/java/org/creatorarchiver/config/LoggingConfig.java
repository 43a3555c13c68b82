package org.creatorarchiver.config;

/** What {@code LOG_FORMAT}/{@code LOG_LEVEL} ask of logback (which reads them itself; see logback.xml). */
public record LoggingConfig(LogFormat format, LogLevel level) {}
