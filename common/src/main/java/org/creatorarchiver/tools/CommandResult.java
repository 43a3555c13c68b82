package org.creatorarchiver.tools;

import java.time.Duration;

/**
 * What a successful run printed: all of stdout (up to the {@link Subprocess} limit) and the end of stderr, where
 * tools put their warnings.
 */
public record CommandResult(String stdout, String stderrTail, Duration elapsed) {}
