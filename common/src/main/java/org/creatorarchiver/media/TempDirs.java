package org.creatorarchiver.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A job's temporary directory under the media store, deleted when the job ends, whatever happened. */
public final class TempDirs {

    private static final Logger log = LoggerFactory.getLogger(TempDirs.class);

    private TempDirs() {}

    /**
     * Deletes {@code dir} and everything in it; what cannot be deleted is logged, not thrown, so that cleaning up
     * never hides the job's own outcome (the orphan sweep removes what is left).
     */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(TempDirs::deleteOne);
        } catch (IOException e) {
            log.warn("could not clean temp dir {}: {}", dir, e.toString());
        }
    }

    private static void deleteOne(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("could not delete temp file {}: {}", path, e.toString());
        }
    }
}
