package org.creatorarchiver.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One run of an external program: its argument list (the program first; never a shell line), the directory it
 * runs in and how long it may take.
 *
 * @param description what the run is for, as it should read in an error ("yt-dlp download of https://…"); it
 *                    must not contain secrets, so signed URLs go through {@link org.creatorarchiver.http.LoggableUrl}
 */
public record Command(String description, List<String> arguments, Path workingDirectory, Duration timeout) {

    public Command {
        Objects.requireNonNull(description, "description");
        arguments = List.copyOf(arguments);
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program to run");
        }
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** The program as configured (a path or a name looked up on PATH). */
    public String program() {
        return arguments.getFirst();
    }
}
