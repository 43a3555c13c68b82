package org.creatorarchiver.phase4.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The argument list of one ffmpeg run that reads one file and writes one {@link CompactAudio} file. */
final class FfmpegArguments {

    /** Never waits for a key, prints errors only (no banner, no progress lines), replaces an earlier output. */
    private static final List<String> QUIET =
            List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error", "-y");

    private FfmpegArguments() {}

    /**
     * {@code ffmpeg <quiet> -i <input> <output options…> -f mp3 <output file>}; the input is absolute (it starts with
     * "/", so it is never read as an option) and the output a plain name in the run's working directory.
     */
    @SafeVarargs
    static List<String> of(String ffmpeg, Path input, String outputFile, Collection<String>... outputOptions) {
        List<String> arguments = new ArrayList<>();
        arguments.add(ffmpeg);
        arguments.addAll(QUIET);
        arguments.add("-i");
        arguments.add(input.toAbsolutePath().toString());
        for (Collection<String> options : outputOptions) {
            arguments.addAll(options);
        }
        arguments.addAll(List.of("-f", CompactAudio.MUXER, outputFile));
        return List.copyOf(arguments);
    }
}
