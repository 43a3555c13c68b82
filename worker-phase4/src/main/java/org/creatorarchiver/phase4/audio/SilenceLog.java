package org.creatorarchiver.phase4.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the silences that ffmpeg's {@code silencedetect} filter marked on the frames, as its {@code ametadata} filter
 * printed them to a file: a {@code frame:… pts_time:…} line per marked frame, then {@code lavfi.silence_start=12.5}
 * or {@code lavfi.silence_end=14.1} (and {@code lavfi.silence_duration}). The file is read rather than stderr,
 * whose tail alone is kept and which mixes in the decoders' warnings.
 */
final class SilenceLog {

    private static final String START = "lavfi.silence_start=";
    private static final String END = "lavfi.silence_end=";

    private SilenceLog() {}

    /**
     * The silences in time order, each within [0, {@code durationSeconds}]; a silence still open at the end of the
     * recording (ffmpeg marks no end there) runs to the end.
     */
    static List<Silence> parse(String printed, double durationSeconds) {
        List<Silence> silences = new ArrayList<>();
        Double openedAt = null;
        for (String line : printed.split("\\R")) {
            if (line.startsWith(START)) {
                openedAt = seconds(line.substring(START.length()), durationSeconds);
            } else if (line.startsWith(END) && openedAt != null) {
                double end = seconds(line.substring(END.length()), durationSeconds);
                silences.add(new Silence(Math.min(openedAt, end), end));
                openedAt = null;
            }
        }
        if (openedAt != null) {
            silences.add(new Silence(openedAt, durationSeconds));
        }
        return List.copyOf(silences);
    }

    /** A time as the filter prints it ({@code %.6g}: "1158.02", "1.23457e+05"), kept inside the recording. */
    private static double seconds(String value, double durationSeconds) {
        return Math.clamp(Double.parseDouble(value.strip()), 0, durationSeconds);
    }
}
