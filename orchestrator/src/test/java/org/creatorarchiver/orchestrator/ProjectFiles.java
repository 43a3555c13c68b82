package org.creatorarchiver.orchestrator;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files at the repository root (deployment files the tests check), found from the module's working directory. */
final class ProjectFiles {

    private ProjectFiles() {}

    static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (mvnw + docker-compose.yml) above " + start);
    }

    static String read(String relativePath) {
        try {
            return Files.readString(root().resolve(relativePath));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
