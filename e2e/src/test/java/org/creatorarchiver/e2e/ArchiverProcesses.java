package org.creatorarchiver.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.creatorarchiver.redis.RedisUrl;
import org.creatorarchiver.testing.TestServices;

/**
 * The system's jars ({@code <module>/target/<module>.jar}) started as OS processes, as a user runs them: one
 * environment for all (the variables of docs/ARCHITECTURE.md "Configuration", nothing inherited but PATH and HOME),
 * each process's output in its own log file ({@code e2e/target/e2e-logs/<test>/}). {@link #close()} stops what is still
 * running with SIGTERM, then SIGKILL. The JVMs run with C1 only: on a 2-core CI machine six short-lived JVMs spend more
 * CPU compiling with C2 than they gain from it.
 */
final class ArchiverProcesses implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path root;
    private final Path logs;
    private final Map<String, String> environment;
    private final Map<String, Process> running = new LinkedHashMap<>();

    ArchiverProcesses(Path logs, Map<String, String> environment) {
        this.root = Path.of(System.getProperty("archiver.root", ".."))
                .toAbsolutePath()
                .normalize();
        this.logs = logs;
        this.environment = Map.copyOf(environment);
        try {
            // A run's logs replace the previous run's (kept after the tests for reading).
            if (Files.isDirectory(logs)) {
                try (var old = Files.list(logs)) {
                    for (Path log : old.toList()) {
                        Files.delete(log);
                    }
                }
            }
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the processes find PostgreSQL and Redis: the test's own (REDIS_URL from the environment when set, as
     * the tests' Redis client reads it).
     */
    static Map<String, String> servicesEnvironment() {
        TestServices.Postgres postgres = TestServices.postgres();
        return Map.of(
                "DATABASE_URL",
                postgres.jdbcUrl(),
                "DATABASE_USER",
                postgres.user(),
                "DATABASE_PASSWORD",
                postgres.password() == null ? "" : postgres.password(),
                "REDIS_URL",
                redisUrl());
    }

    private static String redisUrl() {
        String fromEnvironment = System.getenv("REDIS_URL");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        RedisUrl url = TestServices.redisUrl();
        return url.address() + "/" + url.database();
    }

    /** Starts {@code module}'s jar (e.g. worker-phase2) as the process named {@code name}, logging to name.log. */
    Process start(String name, String module, String... arguments) {
        if (running.containsKey(name)) {
            throw new IllegalStateException(name + " is already running");
        }
        Process process = launch(name, module, arguments);
        running.put(name, process);
        return process;
    }

    /** Runs an orchestrator verb to its end; its exit code and output (stdout then stderr in one log). */
    Result run(String name, Duration timeout, String... arguments) {
        Process process = launch(name, "orchestrator", arguments);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("orchestrator " + String.join(" ", arguments) + " still running after "
                        + timeout + "; see " + logOf(name));
            }
            return new Result(process.exitValue(), Files.readString(logOf(name), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(int exitCode, String output) {}

    /** SIGTERM, as {@code bin/stop} and compose send it; waits for the exit and returns the exit status. */
    int stop(String name) throws InterruptedException {
        Process process = running.remove(name);
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " still running " + STOP_GRACE + " after SIGTERM; see " + logOf(name));
        }
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to hand its jobs back or clean up, as in a power cut or an OOM kill. */
    void kill(String name) throws InterruptedException {
        Process process = running.remove(name);
        process.destroyForcibly();
        process.waitFor();
    }

    boolean isRunning(String name) {
        Process process = running.get(name);
        return process != null && process.isAlive();
    }

    /** Every log written so far, for checks over all output (no secret in it). */
    String allLogs() {
        try (var files = Files.list(logs)) {
            StringBuilder text = new StringBuilder();
            for (Path log : files.sorted().toList()) {
                text.append(Files.readString(log, StandardCharsets.UTF_8));
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path logOf(String name) {
        return logs.resolve(name + ".log");
    }

    @Override
    public void close() throws InterruptedException {
        running.values().forEach(Process::destroy);
        for (Process process : running.values()) {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        }
        running.clear();
    }

    private Process launch(String name, String module, String... arguments) {
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": run the tests through Maven (verify), which packages it");
        }
        List<String> command =
                new ArrayList<>(List.of(javaCommand(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logs.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logOf(name).toFile()));
        builder.environment().keySet().retainAll(List.of("PATH", "HOME", "LANG", "TMPDIR"));
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
    }

    /** The java running these tests (a JDK >= 21; the machine's default java may be older). */
    private static String javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
