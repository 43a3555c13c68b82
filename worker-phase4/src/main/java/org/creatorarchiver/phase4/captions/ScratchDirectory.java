package org.creatorarchiver.phase4.captions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A fresh directory for one fetch, removed with its content when closed (after a failure too). */
final class ScratchDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScratchDirectory.class);

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    static ScratchDirectory under(Path root) {
        try {
            Files.createDirectories(root);
            return new ScratchDirectory(Files.createTempDirectory(root, "captions-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a caption directory under " + root, e);
        }
    }

    Path path() {
        return path;
    }

    /** A leftover is only disk space (the reaper clears job directories): it is logged, never thrown. */
    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path entry : deepestFirst) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete the caption directory {}: {}", path, e.toString());
        }
    }
}
