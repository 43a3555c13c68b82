package org.creatorarchiver.phase4.captions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.creatorarchiver.phase4.text.Segment;
import org.creatorarchiver.phase4.text.TimedText;

/** The sample caption files under {@code src/test/resources/captions}, and segments as a reader would check them. */
final class Captions {

    static final String YOUTUBE_AUTO_EN = "youtube-auto.en.vtt";
    static final String MANUAL_EN = "manual.en.vtt";
    static final String SRT_ES = "cuchara.es.srt";
    static final String LATIN1_SRT_ES = "latin1.es.srt";

    private Captions() {}

    /** Copies a sample to {@code directory} under {@code name} (so that an extension can lie about the format). */
    static Path copy(String sample, Path directory, String name) {
        try (InputStream in = Captions.class.getResourceAsStream("/captions/" + sample)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource captions/" + sample);
            }
            Path file = directory.resolve(name);
            Files.createDirectories(file.getParent());
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each segment as "start end text", times to the millisecond: what a person compares with the video. */
    static List<String> timed(TimedText text) {
        return text.segments().stream().map(Captions::timed).toList();
    }

    static String timed(Segment segment) {
        return String.format(Locale.ROOT, "%.3f %.3f %s", segment.start(), segment.end(), segment.text());
    }
}
