package org.creatorarchiver.phase4.audio;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A recording's audio ready for transcription: one {@link CompactAudio} file, how long it plays, and its silences in
 * time order.
 *
 * @param durationSeconds what a decoder plays (the MP3 encoder's delay frames excluded), to within one 36 ms frame
 */
public record PreparedAudio(Path file, double durationSeconds, List<Silence> silences) {

    public PreparedAudio {
        Objects.requireNonNull(file, "file");
        if (!(durationSeconds > 0)) {
            throw new IllegalArgumentException("prepared audio must play for some time, got " + durationSeconds);
        }
        silences = silences.stream()
                .sorted(Comparator.comparingDouble(Silence::start))
                .toList();
    }
}
