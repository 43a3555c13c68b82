package org.creatorarchiver.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real programs (sh, env, sleep, yes) to check what a child gets and how it is stopped. */
class SubprocessTest {

    private static final Duration A_WHILE = Duration.ofSeconds(30);
    private static final Map<String, String> PARENT_WITH_SECRETS = Map.of(
            "PATH",
            ChildEnvironment.DEFAULT_PATH,
            "HOME",
            "/home/archiver",
            "LANG",
            "en_US.UTF-8",
            "PATREON_SESSION_ID",
            "s3ss10n-s3cr3t",
            "DATABASE_PASSWORD",
            "db-s3cr3t",
            "DATABASE_URL",
            "jdbc:x");

    @TempDir
    Path directory;

    private final Subprocess subprocess = new Subprocess(PARENT_WITH_SECRETS);

    @Test
    void theChildEnvironmentHasNoSecretsEvenWhenTheParentHasThem() throws Exception {
        String env = subprocess.run(command(A_WHILE, "env")).stdout();

        assertThat(env)
                .contains(
                        "PATH=" + ChildEnvironment.DEFAULT_PATH + "\n", "HOME=/home/archiver\n", "LANG=en_US.UTF-8\n");
        assertThat(env)
                .doesNotContain(
                        "PATREON_SESSION_ID", "s3ss10n-s3cr3t", "DATABASE_PASSWORD", "db-s3cr3t", "DATABASE_URL");
    }

    @Test
    void theRealProcessEnvironmentIsFilteredToo() throws Exception {
        // bin/test exports DATABASE_PASSWORD to the test JVM, so this process really has a secret to leak.
        assumeThat(System.getenv("DATABASE_PASSWORD")).isNotNull();

        String env = new Subprocess().run(command(A_WHILE, "env")).stdout();

        assertThat(env.lines().map(line -> line.substring(0, line.indexOf('='))))
                .isSubsetOf(ChildEnvironment.PASSED_THROUGH)
                .contains("PATH")
                .doesNotContain("DATABASE_PASSWORD", "DATABASE_URL", "PATREON_SESSION_ID");
    }

    @Test
    void runsInTheGivenDirectoryAndCapturesBothStreams() throws Exception {
        CommandResult result = subprocess.run(command(A_WHILE, "sh", "-c", "pwd; echo a warning >&2"));

        assertThat(result.stdout()).isEqualTo(directory.toRealPath() + "\n");
        assertThat(result.stderrTail()).isEqualTo("a warning\n");
    }

    @Test
    void aNonZeroExitCarriesTheCodeAndTheToolsLastErrorButNoEnvironment() {
        Command failing = new Command(
                "test tool run",
                List.of(
                        "sh",
                        "-c",
                        "echo 'starting' >&2; echo 'ERROR: the thing broke' >&2; echo 'cleaning up' >&2; exit 3"),
                directory,
                A_WHILE);

        assertThatThrownBy(() -> subprocess.run(failing)).isInstanceOfSatisfying(ToolException.class, e -> {
            assertThat(e.kind()).isEqualTo(ToolException.Kind.FAILED);
            assertThat(e.exitCode()).hasValue(3);
            assertThat(e.summary()).isEqualTo("test tool run failed (exit code 3): ERROR: the thing broke");
            assertThat(e.getMessage()).isEqualTo(e.summary() + "\nstarting\nERROR: the thing broke\ncleaning up");
            assertThat(e.getMessage()).doesNotContain("s3cr3t", "PATH=");
        });
    }

    @Test
    void onlyTheEndOfALongStderrIsKeptStartingAtAWholeLine() {
        Subprocess smallTail = new Subprocess(PARENT_WITH_SECRETS, Subprocess.DEFAULT_STDOUT_LIMIT, 1024);
        Command chatty = command(
                A_WHILE, "sh", "-c", "i=0; while [ $i -lt 5000 ]; do echo \"line $i\" >&2; i=$((i+1)); done; exit 1");

        assertThatThrownBy(() -> smallTail.run(chatty)).isInstanceOfSatisfying(ToolException.class, e -> {
            assertThat(e.stderrTail()).startsWith("[…]\nline ").endsWith("line 4999\n");
            assertThat(e.stderrTail().length()).isLessThanOrEqualTo(1024 + 4);
            assertThat(e.summary()).endsWith(": line 4999");
        });
    }

    @Test
    void aChildPrintingWithoutEndIsStoppedAtTheStdoutLimit() {
        Subprocess smallStdout = new Subprocess(PARENT_WITH_SECRETS, 64 * 1024, Subprocess.DEFAULT_STDERR_TAIL);
        long started = System.nanoTime();

        assertThatThrownBy(() -> smallStdout.run(command(A_WHILE, "yes")))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ToolException.Kind.OUTPUT_TOO_LARGE);
                    assertThat(e.summary()).contains("more than 64 KiB");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aTimeoutStopsTheChildAndEverythingItStarted() {
        Command hanging = new Command(
                "a hanging tool", List.of("sh", "-c", "sleep 300 & sleep 300; wait"), directory, Duration.ofSeconds(1));
        long started = System.nanoTime();

        assertThatThrownBy(() -> subprocess.run(hanging)).isInstanceOfSatisfying(ToolException.class, e -> {
            assertThat(e.kind()).isEqualTo(ToolException.Kind.TIMED_OUT);
            assertThat(e.summary()).isEqualTo("a hanging tool did not finish within 1 s and was stopped");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                                .isEmpty());
    }

    @Test
    void interruptingTheCallerStopsTheChild() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                subprocess.run(command(Duration.ofMinutes(5), "sleep", "300"));
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.current().descendants().findAny().isPresent());

        caller.interrupt();

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                                .isEmpty());
    }

    @Test
    void aMissingProgramIsNamed() {
        assertThatThrownBy(() -> subprocess.run(command(A_WHILE, "/nonexistent/tool", "--version")))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ToolException.Kind.NOT_RUNNABLE);
                    assertThat(e.summary())
                            .startsWith("cannot run /nonexistent/tool")
                            .doesNotContain("\n");
                });
    }

    private Command command(Duration timeout, String... arguments) {
        return new Command(arguments[0], List.of(arguments), directory, timeout);
    }
}
