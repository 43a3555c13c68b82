package org.creatorarchiver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/** The one place where HTTP outcomes become {@link HttpFailure}s. */
public final class HttpFailureClassifier {

    /** How much of an error body is inspected (Cloudflare markers, JSON:API error detail). */
    public static final long BODY_SNIPPET_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LONGEST_DETAIL = 200;

    private HttpFailureClassifier() {}

    /**
     * Classifies a non-2xx answer.
     *
     * @param url  the URL that answered (the last one after redirects)
     * @param body the start of the response body (up to {@link #BODY_SNIPPET_BYTES}), or "" when unread
     * @param now  the time a {@code Retry-After} date is measured from
     */
    public static HttpFailure classify(int status, Headers headers, String body, HttpUrl url, Instant now) {
        String where = LoggableUrl.of(url);
        if ((status == 403 || status == 503) && isCloudflareChallenge(headers, body)) {
            return new HttpFailure(FailureKind.CLOUDFLARE_CHALLENGE, status, where, null, null);
        }
        return switch (status) {
            case 400 -> new HttpFailure(FailureKind.BAD_REQUEST, status, where, null, errorDetail(body));
            case 401 -> new HttpFailure(FailureKind.UNAUTHORIZED, status, where, null, null);
            case 403 -> new HttpFailure(FailureKind.BLOCKED, status, where, null, null);
            case 404, 410 -> new HttpFailure(FailureKind.NOT_FOUND, status, where, null, null);
            case 426 -> new HttpFailure(FailureKind.UPGRADE_REQUIRED, status, where, null, null);
            case 429 ->
                new HttpFailure(
                        FailureKind.RATE_LIMITED,
                        status,
                        where,
                        RetryAfter.parse(headers.get("Retry-After"), now),
                        null);
            default -> classifyRange(status, where, body);
        };
    }

    /** A call that got no HTTP answer. */
    public static HttpFailure network(HttpUrl url, IOException cause) {
        String reason = cause instanceof InterruptedIOException && "timeout".equals(cause.getMessage())
                ? "timed out"
                : cause.getClass().getSimpleName() + ": " + oneLine(String.valueOf(cause.getMessage()));
        return new HttpFailure(FailureKind.NETWORK_ERROR, 0, LoggableUrl.of(url), null, reason);
    }

    /** A call not sent because an earlier 429 paused the host for longer than the caller may wait. */
    public static HttpFailure paused(HttpUrl url, Duration remaining) {
        return new HttpFailure(
                FailureKind.RATE_LIMITED, 0, LoggableUrl.of(url), remaining, Origin.of(url) + " is paused after a 429");
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

    private static HttpFailure classifyRange(int status, String where, String body) {
        if (status >= 500 && status <= 599) {
            return new HttpFailure(FailureKind.SERVER_ERROR, status, where, null, errorDetail(body));
        }
        if (status >= 400 && status <= 499) {
            return new HttpFailure(FailureKind.CLIENT_ERROR, status, where, null, errorDetail(body));
        }
        return new HttpFailure(FailureKind.UNEXPECTED_STATUS, status, where, null, null);
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
