package org.creatorarchiver.http;

import org.creatorarchiver.queue.JobFailure;

/**
 * A classified HTTP failure ({@link HttpFailureClassifier} makes them): what went wrong ({@link #kind()}), and, as a
 * {@link JobFailure}, what the job runtime does about it (retry, retry after the server's {@code Retry-After}, or give
 * up). The message is one line naming the URL, fit for a row or a log, and never contains the session cookie.
 */
public final class HttpFailureException extends JobFailure {

    private final FailureKind kind;
    private final int status;

    /**
     * @param status the HTTP status, or 0 when there was no HTTP answer (network error, paused host)
     * @param url    the URL that failed (after redirects), with access tokens masked
     * @param detail a short one-line reason (the server's error detail, the exception), or {@code null}
     */
    HttpFailureException(FailureKind kind, int status, String url, Outcome outcome, String detail, Throwable cause) {
        super(outcome, message(kind, status, url, outcome, detail), cause);
        this.kind = kind;
        this.status = status;
    }

    public FailureKind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int status() {
        return status;
    }

    /** {@code 404 Not Found for https://…/api/posts/1: it does not exist…}, with the detail and any retry delay. */
    private static String message(FailureKind kind, int status, String url, Outcome outcome, String detail) {
        StringBuilder message = new StringBuilder();
        if (status > 0) {
            message.append(status).append(' ');
        }
        message.append(kind.label()).append(" for ").append(url).append(": ").append(kind.explanation());
        if (detail != null) {
            message.append(" (").append(detail).append(')');
        }
        if (outcome instanceof RetryAfter(var delay)) {
            message.append("; retry after ")
                    .append(Math.max(1, (delay.toMillis() + 999) / 1000))
                    .append(" s");
        }
        return message.toString();
    }
}
