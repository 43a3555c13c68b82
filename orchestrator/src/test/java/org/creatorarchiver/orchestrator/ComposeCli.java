package org.creatorarchiver.orchestrator;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code docker-compose config} on a compose file: it validates the file against the Compose schema and
 * prints its normalized form, without a Docker engine. The environment is exactly what the caller gives (plus
 * PATH and HOME), and the env file is the caller's, so a developer's shell or {@code .env} cannot change results.
 */
final class ComposeCli {

    record Result(int exitCode, String stdout, String stderr) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private static final long TIMEOUT_SECONDS = 60;

    private final List<String> executable;
    private final Path composeFile;
    private final Path workDir;

    private ComposeCli(List<String> executable, Path composeFile, Path workDir) {
        this.executable = executable;
        this.composeFile = composeFile;
        this.workDir = workDir;
    }

    /**
     * {@code docker-compose} (v1 or v2) on the PATH, else the {@code docker compose} plugin; without either the
     * test is skipped locally and fails under CI.
     */
    static ComposeCli locate(Path composeFile, Path workDir) {
        return new ComposeCli(findValidator(workDir), composeFile, workDir);
    }

    /** {@code docker-compose --env-file ENV_FILE -f FILE config ARGS}, with {@code hostEnvironment} as the environment. */
    Result config(Path envFile, Map<String, String> hostEnvironment, String... args) {
        List<String> command = new ArrayList<>(executable);
        command.addAll(List.of("--env-file", envFile.toString(), "-f", composeFile.toString(), "config"));
        command.addAll(List.of(args));
        return run(command, hostEnvironment, workDir);
    }

    private static Result run(List<String> command, Map<String, String> hostEnvironment, Path workDir) {
        try {
            return runOrThrow(command, hostEnvironment, workDir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static Result runOrThrow(List<String> command, Map<String, String> hostEnvironment, Path workDir)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "compose", ".out");
        Path err = Files.createTempFile(workDir, "compose", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(List.of("PATH", "HOME"));
        environment.putAll(hostEnvironment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> findValidator(Path workDir) {
        Optional<Path> standalone = findOnPath("docker-compose");
        if (standalone.isPresent()) {
            return List.of(standalone.get().toString());
        }
        Optional<Path> docker = findOnPath("docker");
        if (docker.isPresent()) {
            List<String> plugin = List.of(docker.get().toString(), "compose");
            if (run(Stream.concat(plugin.stream(), Stream.of("version")).toList(), Map.of(), workDir)
                    .succeeded()) {
                return plugin;
            }
        }
        return unavailable("neither docker-compose nor the docker compose plugin is on the PATH, so "
                + "docker-compose.yml cannot be validated: install one (apt-get install docker-compose; "
                + "bin/ensure-tools does)");
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        return Stream.of(path == null ? new String[0] : path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Same rule as TestServices: a missing tool skips the test locally but fails CI, where a skip would hide a gap. */
    private static <T> T unavailable(String message) {
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
        return null;
    }
}
