package org.creatorarchiver.tools;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creatorarchiver.queue.JobFailure;

/**
 * An external program did not do its job. {@link #summary()} is one line fit for a status column or a log event
 * (what was run, what happened, the tool's last error line); {@link #getMessage()} adds the stderr tail below it.
 * Neither ever holds the child's environment.
 */
public final class ToolException extends JobFailure {

    /** How the run went wrong. Whatever the kind, the job is retried: the tool or the network may do better later. */
    public enum Kind {
        /** The program could not be started (missing, not executable). */
        NOT_RUNNABLE,
        /** It exited with a non-zero code. */
        FAILED,
        /** It ran past its timeout and was stopped with its descendants. */
        TIMED_OUT,
        /** It printed more on stdout than the limit and was stopped. */
        OUTPUT_TOO_LARGE,
        /** It exited 0 but its output is not what it should print. */
        UNEXPECTED_OUTPUT
    }

    private static final int MAX_ERROR_LINE = 500;
    private static final Pattern TRAILING_PARENTHESES = Pattern.compile("\\(([^()]+)\\)$");

    private final Kind kind;
    private final String summary;
    private final OptionalInt exitCode;
    private final String stderrTail;

    private ToolException(Kind kind, String summary, OptionalInt exitCode, String stderrTail, Throwable cause) {
        super(RETRY, stderrTail.isBlank() ? summary : summary + "\n" + stderrTail.stripTrailing(), cause);
        this.kind = kind;
        this.summary = summary;
        this.exitCode = exitCode;
        this.stderrTail = stderrTail;
    }

    static ToolException notRunnable(Command command, Exception cause) {
        return new ToolException(
                Kind.NOT_RUNNABLE,
                "cannot run " + command.program() + " (" + reason(cause) + ") for " + command.description(),
                OptionalInt.empty(),
                "",
                cause);
    }

    static ToolException failed(Command command, int exitCode, String stderrTail) {
        return new ToolException(
                Kind.FAILED,
                command.description() + " failed (exit code " + exitCode + ")" + lastErrorLine(stderrTail),
                OptionalInt.of(exitCode),
                stderrTail,
                null);
    }

    static ToolException timedOut(Command command, String stderrTail) {
        return new ToolException(
                Kind.TIMED_OUT,
                command.description() + " did not finish within " + human(command.timeout()) + " and was stopped"
                        + lastErrorLine(stderrTail),
                OptionalInt.empty(),
                stderrTail,
                null);
    }

    static ToolException outputTooLarge(Command command, int limitBytes, String stderrTail) {
        return new ToolException(
                Kind.OUTPUT_TOO_LARGE,
                command.description() + " printed more than " + limitBytes / 1024 + " KiB on stdout and was stopped",
                OptionalInt.empty(),
                stderrTail,
                null);
    }

    static ToolException unexpectedOutput(Command command, String problem, String stderrTail) {
        return new ToolException(
                Kind.UNEXPECTED_OUTPUT, command.description() + ": " + problem, OptionalInt.empty(), stderrTail, null);
    }

    public Kind kind() {
        return kind;
    }

    /** One line: what ran, what happened and the tool's own last error line. */
    public String summary() {
        return summary;
    }

    /** The exit code, for {@link Kind#FAILED} only. */
    public OptionalInt exitCode() {
        return exitCode;
    }

    /** The last part of what the program wrote on stderr (empty when it never started). */
    public String stderrTail() {
        return stderrTail;
    }

    /** ": " + the last line starting with {@code ERROR:} (yt-dlp's and ffmpeg's habit), else the last non-blank line. */
    private static String lastErrorLine(String stderr) {
        List<String> lines = Arrays.stream(stderr.split("\\R"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        if (lines.isEmpty()) {
            return "";
        }
        String line = lines.reversed().stream()
                .filter(l -> l.startsWith("ERROR:"))
                .findFirst()
                .orElse(lines.getLast());
        return ": " + (line.length() > MAX_ERROR_LINE ? line.substring(0, MAX_ERROR_LINE) + "…" : line);
    }

    /**
     * The operating system's words from the JDK's message, which differs between releases: "Cannot run program
     * "x" (in directory "/tmp"): error=2, No such file or directory" (21) or "…: Exec failed, error: 2 (No such
     * file or directory)" (25).
     */
    private static String reason(Exception cause) {
        String message = String.valueOf(cause.getMessage()).strip();
        Matcher parenthesised = TRAILING_PARENTHESES.matcher(message);
        if (parenthesised.find()) {
            return parenthesised.group(1);
        }
        String last = message.substring(message.lastIndexOf(": ") + 1).strip();
        return last.replaceFirst("^error=\\d+, ", "");
    }

    private static String human(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
