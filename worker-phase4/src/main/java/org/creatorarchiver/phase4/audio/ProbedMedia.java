package org.creatorarchiver.phase4.audio;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What ffprobe says about a media file: the type of each stream ({@code audio}, {@code video}, ...) and, from the
 * container, when its first sample plays and how long it lasts (empty where ffprobe prints {@code N/A}).
 */
record ProbedMedia(List<String> streamTypes, OptionalDouble startTime, OptionalDouble duration) {

    ProbedMedia {
        streamTypes = List.copyOf(streamTypes);
    }

    boolean hasAudio() {
        return streamTypes.contains("audio");
    }

    /**
     * How long a decoder plays. For an MP3 made by LAME, ffprobe's duration counts every frame, the encoder's delay
     * frames at the start included, and its start time is that delay, which decoders skip (the LAME header says so):
     * the difference is the audio, exact to the padding of the last frame (under 36 ms at 16 kHz).
     */
    OptionalDouble playingSeconds() {
        if (duration.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(duration.getAsDouble() - Math.max(0, startTime.orElse(0)));
    }
}
