package org.creatorarchiver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.creatorarchiver.queue.JobFailure;
import org.creatorarchiver.queue.JobFailure.Outcome;

/**
 * The one place where HTTP outcomes become {@link HttpFailureException}s: a status (and its headers and body) gives
 * a {@link FailureKind}, and the kind gives the job outcome: 429 (and 503 naming a {@code Retry-After}) retry after
 * the server's delay, other 5xx and network errors retry, everything else is permanent.
 */
public final class HttpFailureClassifier {

    /** How much of an error body is inspected (Cloudflare markers, JSON:API error detail). */
    public static final long BODY_SNIPPET_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LONGEST_DETAIL = 200;
    private static final Set<FailureKind> WITH_DETAIL =
            EnumSet.of(FailureKind.BAD_REQUEST, FailureKind.CLIENT_ERROR, FailureKind.SERVER_ERROR);

    private HttpFailureClassifier() {}

    /**
     * Classifies a non-2xx answer.
     *
     * @param url  the URL that answered (the last one after redirects)
     * @param body the start of the response body (up to {@link #BODY_SNIPPET_BYTES}), or "" when unread
     * @param now  the time a {@code Retry-After} date is measured from
     */
    public static HttpFailureException classify(int status, Headers headers, String body, HttpUrl url, Instant now) {
        FailureKind kind = kindOf(status, headers, body);
        String detail = WITH_DETAIL.contains(kind) ? errorDetail(body) : null;
        Outcome outcome = outcomeOf(kind, status, headers, now);
        return new HttpFailureException(kind, status, LoggableUrl.of(url), outcome, detail, null);
    }

    static FailureKind kindOf(int status, Headers headers, String body) {
        if ((status == 403 || status == 503) && isCloudflareChallenge(headers, body)) {
            return FailureKind.CLOUDFLARE_CHALLENGE;
        }
        return switch (status) {
            case 400 -> FailureKind.BAD_REQUEST;
            case 401 -> FailureKind.UNAUTHORIZED;
            case 403 -> FailureKind.BLOCKED;
            case 404, 410 -> FailureKind.NOT_FOUND;
            case 426 -> FailureKind.UPGRADE_REQUIRED;
            case 429 -> FailureKind.RATE_LIMITED;
            default ->
                status >= 500 && status <= 599
                        ? FailureKind.SERVER_ERROR
                        : status >= 400 && status <= 499 ? FailureKind.CLIENT_ERROR : FailureKind.UNEXPECTED_STATUS;
        };
    }

    /** What the job runtime does about a failure of this kind: wait when the server asked for it, else by kind. */
    private static Outcome outcomeOf(FailureKind kind, int status, Headers headers, Instant now) {
        Optional<Duration> wait = kind == FailureKind.RATE_LIMITED || kind == FailureKind.SERVER_ERROR
                ? RetryAfter.askedBy(status, headers, now)
                : Optional.empty();
        if (wait.isPresent()) {
            return new JobFailure.RetryAfter(wait.get());
        }
        return switch (kind) {
            case SERVER_ERROR, NETWORK_ERROR, RATE_LIMITED -> JobFailure.RETRY;
            default -> JobFailure.PERMANENT;
        };
    }

    /** A call that got no HTTP answer. */
    public static HttpFailureException network(HttpUrl url, IOException cause) {
        String reason = cause instanceof InterruptedIOException && "timeout".equals(cause.getMessage())
                ? "timed out"
                : cause.getClass().getSimpleName() + ": " + oneLine(String.valueOf(cause.getMessage()));
        return new HttpFailureException(
                FailureKind.NETWORK_ERROR, 0, LoggableUrl.of(url), JobFailure.RETRY, reason, cause);
    }

    /** A call not sent because an earlier 429 paused the host for longer than the caller may wait. */
    public static HttpFailureException paused(HttpUrl url, Duration remaining) {
        return new HttpFailureException(
                FailureKind.RATE_LIMITED,
                0,
                LoggableUrl.of(url),
                new JobFailure.RetryAfter(remaining),
                Origin.of(url) + " is paused after a 429",
                null);
    }

    /**
     * Cloudflare's challenge, as gallery-dl detects it. {@code Server: cloudflare} alone proves nothing: every
     * patreon.com answer, including Patreon's own 403s, passes through Cloudflare.
     */
    static boolean isCloudflareChallenge(Headers headers, String body) {
        String mitigated = headers.get("cf-mitigated");
        if (mitigated != null && mitigated.toLowerCase(Locale.ROOT).contains("challenge")) {
            return true;
        }
        return body.contains("_cf_chl_opt") || body.contains("<title>Just a moment");
    }

    /** The {@code detail} (or {@code title}) of the first JSON:API error, on one short line; null when absent. */
    static String errorDetail(String body) {
        if (body == null || !body.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            JsonNode error = JSON.readTree(body).path("errors").path(0);
            String text = error.path("detail").asText(error.path("title").asText(""));
            return text.isBlank() ? null : oneLine(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= LONGEST_DETAIL ? line : line.substring(0, LONGEST_DETAIL - 1) + "…";
    }
}
