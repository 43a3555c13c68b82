package org.creatorarchiver.tools;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the configured programs are. {@code YTDLP_PATH} and {@code FFMPEG_PATH} hold a path or a bare name looked
 * up on PATH; ffprobe has no variable of its own and is taken from the ffmpeg installation.
 */
final class Executables {

    static final String FFPROBE = "ffprobe";

    private Executables() {}

    /**
     * The program to start: a configured path made absolute against this process's working directory (the
     * children run in their job directory, where a relative path would point elsewhere); a bare name unchanged.
     */
    static String command(String configured) {
        return isBareName(configured)
                ? configured
                : Path.of(configured).toAbsolutePath().normalize().toString();
    }

    /**
     * ffprobe is taken from the same place as ffmpeg: {@code ffprobe} next to a configured ffmpeg path when it is
     * there and executable, otherwise {@code ffprobe} on PATH (Debian's and the static ffmpeg builds ship both
     * side by side).
     */
    static String ffprobeFor(String ffmpeg) {
        if (isBareName(ffmpeg)) {
            return FFPROBE;
        }
        Path sibling = Path.of(command(ffmpeg)).resolveSibling(FFPROBE);
        return Files.isRegularFile(sibling) && Files.isExecutable(sibling) ? sibling.toString() : FFPROBE;
    }

    /** The executable file a configured program name or path stands for, if there is one. */
    static Optional<Path> locate(String configured, String pathVariable) {
        try {
            return isBareName(configured) ? onPath(configured, pathVariable) : executable(Path.of(command(configured)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> onPath(String name, String pathVariable) {
        for (String directory :
                Pattern.compile(Pattern.quote(File.pathSeparator)).split(pathVariable)) {
            Optional<Path> found = directory.isEmpty()
                    ? Optional.empty()
                    : executable(Path.of(directory, name).toAbsolutePath());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> executable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    private static boolean isBareName(String configured) {
        return configured.indexOf('/') < 0;
    }
}
