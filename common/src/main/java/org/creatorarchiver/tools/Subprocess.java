package org.creatorarchiver.tools;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs external programs safely: an argument list (never a shell, so nothing in a URL is ever interpreted), a clean
 * environment ({@link ChildEnvironment}), stdout captured up to a limit, the end of stderr kept for the error, and
 * a timeout after which the whole process tree is stopped. The caller's thread waits; interrupting it stops the
 * child too. Thread-safe: one instance serves all consumers.
 */
public final class Subprocess {

    /** Enough for {@code yt-dlp -J} of a long YouTube video (its format list runs to a few MiB). */
    public static final int DEFAULT_STDOUT_LIMIT = 16 * 1024 * 1024;
    /** The end of stderr kept for errors: a tool's last messages, not its whole log. */
    public static final int DEFAULT_STDERR_TAIL = 16 * 1024;
    /** How long the output readers may lag behind the child's exit (a killed tree closes its pipes at once). */
    private static final Duration READER_DRAIN = Duration.ofSeconds(5);

    private final Map<String, String> environment;
    private final int stdoutLimit;
    private final int stderrTail;

    /** Children get the allowed part of this process's environment. */
    public Subprocess() {
        this(System.getenv());
    }

    /** Children get the allowed part of {@code parentEnvironment}. */
    public Subprocess(Map<String, String> parentEnvironment) {
        this(parentEnvironment, DEFAULT_STDOUT_LIMIT, DEFAULT_STDERR_TAIL);
    }

    Subprocess(Map<String, String> parentEnvironment, int stdoutLimit, int stderrTail) {
        this.environment = ChildEnvironment.from(parentEnvironment);
        this.stdoutLimit = stdoutLimit;
        this.stderrTail = stderrTail;
    }

    /** What every child's environment is, exactly. */
    public Map<String, String> childEnvironment() {
        return environment;
    }

    /**
     * Runs {@code command} to its end.
     *
     * @throws ToolException        it could not start, exited non-zero, ran too long or printed too much
     * @throws InterruptedException the calling thread was interrupted; the process tree has been stopped
     */
    public CommandResult run(Command command) throws ToolException, InterruptedException {
        long started = System.nanoTime();
        Process process = start(command);
        closeStdin(process);
        // Stopped from another thread so that the reader keeps draining while the tree gets its grace period.
        HeadCapture stdout = new HeadCapture(
                process.getInputStream(),
                stdoutLimit,
                () -> Thread.ofVirtual().start(() -> ProcessTree.destroy(process)));
        TailCapture stderr = new TailCapture(process.getErrorStream(), stderrTail);
        boolean finished = await(process, command.timeout(), stdout, stderr);
        requireSuccess(command, process, finished, stdout, stderr);
        return new CommandResult(stdout.text(), stderr.text(), Duration.ofNanos(System.nanoTime() - started));
    }

    private Process start(Command command) throws ToolException {
        ProcessBuilder builder = new ProcessBuilder(command.arguments())
                .directory(command.workingDirectory().toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            throw ToolException.notRunnable(command, e);
        }
    }

    /**
     * Waits for the child's exit (stopping its tree past {@code timeout}), then for its output to be read.
     *
     * @return whether the child exited within {@code timeout}
     */
    private static boolean await(Process process, Duration timeout, HeadCapture stdout, TailCapture stderr)
            throws InterruptedException {
        String name = "subprocess-" + process.pid();
        Thread stdoutReader = Thread.ofVirtual().name(name + "-stdout").start(stdout);
        Thread stderrReader = Thread.ofVirtual().name(name + "-stderr").start(stderr);
        try {
            boolean finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!finished) {
                ProcessTree.destroy(process);
            }
            stdoutReader.join(READER_DRAIN);
            stderrReader.join(READER_DRAIN);
            return finished;
        } catch (InterruptedException e) {
            ProcessTree.destroy(process);
            throw e;
        }
    }

    private void requireSuccess(
            Command command, Process process, boolean finished, HeadCapture stdout, TailCapture stderr)
            throws ToolException {
        if (!finished) {
            throw ToolException.timedOut(command, stderr.text());
        }
        if (stdout.overflowed()) {
            throw ToolException.outputTooLarge(command, stdoutLimit, stderr.text());
        }
        int exitCode = process.exitValue();
        if (exitCode != 0) {
            throw ToolException.failed(command, exitCode, stderr.text());
        }
    }

    /** Nothing is ever typed into a tool: an interactive prompt (a password, say) sees end-of-input and fails. */
    private static void closeStdin(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The child already exited; its exit code tells the story.
        }
    }
}
