package org.creatorarchiver.http;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * A classified HTTP failure, ready to be stored on a row or logged: it never holds the session cookie.
 *
 * @param kind       what went wrong
 * @param status     the HTTP status, or 0 when there was no HTTP answer (network error, paused host)
 * @param url        the URL that failed (after redirects), with access tokens masked
 * @param retryAfter how long the server asked us to wait (429), or {@code null}
 * @param detail     a short one-line reason (the server's error detail, the exception), or {@code null}
 */
public record HttpFailure(FailureKind kind, int status, String url, Duration retryAfter, String detail)
        implements Serializable {

    public boolean retryable() {
        return kind.retryable();
    }

    public Optional<Duration> retryAfterHint() {
        return Optional.ofNullable(retryAfter);
    }

    /** One line naming the URL, for people: {@code 404 Not Found for https://…/api/posts/1: it does not exist…}. */
    public String message() {
        StringBuilder message = new StringBuilder();
        if (status > 0) {
            message.append(status).append(' ');
        }
        message.append(kind.label()).append(" for ").append(url).append(": ").append(kind.explanation());
        if (detail != null) {
            message.append(" (").append(detail).append(')');
        }
        if (retryAfter != null) {
            message.append("; retry after ")
                    .append(Math.max(1, (retryAfter.toMillis() + 999) / 1000))
                    .append(" s");
        }
        return message.toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
