package org.creatorarchiver.http;

import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.creatorarchiver.config.Settings;

/**
 * Everything the HTTP clients need, already validated. {@code sessionId} is the Patreon {@code session_id} cookie
 * value (a secret: {@link #toString()} masks it and no message ever contains it); {@code null} means anonymous.
 *
 * @param patreonBaseUrl      where every Patreon request goes ({@code PATREON_BASE_URL}); its origin alone gets the cookie
 * @param sessionId           {@code PATREON_SESSION_ID}, or {@code null} to archive only what is public
 * @param userAgent           {@code scraping.user_agent}; {@code null} means {@link #DEFAULT_USER_AGENT}
 * @param timeout             {@code scraping.timeout}: the longest one try of a Patreon request may take, redirects
 *                            included (OkHttp's call timeout); media downloads have no overall limit
 * @param requestsPerSecond   {@code scraping.requests_per_second}, shared by every worker; may be fractional (0.5)
 * @param shortRetries        in-call retries after the first try of a transient failure (they cost no job attempt)
 * @param retryBaseBackoff    first in-call backoff; it doubles (with jitter) on each retry
 * @param maxRetryAfterWait   the longest 429 pause a call waits out in-call; longer pauses fail the call as transient
 */
public record HttpClientSettings(
        HttpUrl patreonBaseUrl,
        String sessionId,
        String userAgent,
        Duration timeout,
        double requestsPerSecond,
        int shortRetries,
        Duration retryBaseBackoff,
        Duration maxRetryAfterWait) {

    public static final String DEFAULT_BASE_URL = "https://www.patreon.com";
    /** Patreon's Android app; the API answers it (gallery-dl, yt-dlp). A 426 means Patreon wants a newer version. */
    public static final String DEFAULT_USER_AGENT = Settings.DEFAULT_USER_AGENT;

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
    public static final double DEFAULT_REQUESTS_PER_SECOND = 2;
    public static final int DEFAULT_SHORT_RETRIES = 3;
    public static final Duration DEFAULT_RETRY_BASE_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_RETRY_AFTER_WAIT = Duration.ofSeconds(30);

    public HttpClientSettings {
        if (patreonBaseUrl == null) {
            throw new IllegalArgumentException("PATREON_BASE_URL is required");
        }
        if (!"/".equals(patreonBaseUrl.encodedPath()) || patreonBaseUrl.encodedQuery() != null) {
            throw new IllegalArgumentException("PATREON_BASE_URL must be an origin such as https://www.patreon.com"
                    + " (no path or query), got '" + patreonBaseUrl + "'");
        }
        sessionId = blankToNull(sessionId);
        if (sessionId != null) {
            SessionIds.requireValid(sessionId);
        }
        userAgent = blankToNull(userAgent) == null ? DEFAULT_USER_AGENT : userAgent.strip();
        requirePositive(timeout, "scraping.timeout");
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException(
                    "scraping.requests_per_second must be a number > 0, got " + requestsPerSecond);
        }
        if (shortRetries < 0) {
            throw new IllegalArgumentException("short HTTP retries must be >= 0, got " + shortRetries);
        }
        requirePositive(retryBaseBackoff, "the HTTP retry backoff");
        if (maxRetryAfterWait == null || maxRetryAfterWait.isNegative()) {
            throw new IllegalArgumentException(
                    "the longest in-call Retry-After wait must be >= 0, got " + maxRetryAfterWait);
        }
    }

    /**
     * Settings from the configuration values, with the default retry policy.
     *
     * @param patreonBaseUrl {@code PATREON_BASE_URL}; {@code null} or blank means {@link #DEFAULT_BASE_URL}
     */
    public static HttpClientSettings of(
            String patreonBaseUrl, String sessionId, String userAgent, Duration timeout, double requestsPerSecond) {
        return new HttpClientSettings(
                parseBaseUrl(patreonBaseUrl),
                sessionId,
                userAgent,
                timeout,
                requestsPerSecond,
                DEFAULT_SHORT_RETRIES,
                DEFAULT_RETRY_BASE_BACKOFF,
                DEFAULT_MAX_RETRY_AFTER_WAIT);
    }

    /** A copy with another in-call retry policy. */
    public HttpClientSettings withRetries(int shortRetries, Duration retryBaseBackoff, Duration maxRetryAfterWait) {
        return new HttpClientSettings(
                patreonBaseUrl,
                sessionId,
                userAgent,
                timeout,
                requestsPerSecond,
                shortRetries,
                retryBaseBackoff,
                maxRetryAfterWait);
    }

    public Optional<String> session() {
        return Optional.ofNullable(sessionId);
    }

    public Origin patreonOrigin() {
        return Origin.of(patreonBaseUrl);
    }

    @Override
    public String toString() {
        return "HttpClientSettings[patreonBaseUrl=" + patreonBaseUrl
                + ", sessionId=" + (sessionId == null ? "<none>" : "****")
                + ", userAgent=" + userAgent
                + ", timeout=" + timeout
                + ", requestsPerSecond=" + requestsPerSecond
                + ", shortRetries=" + shortRetries
                + ", retryBaseBackoff=" + retryBaseBackoff
                + ", maxRetryAfterWait=" + maxRetryAfterWait + "]";
    }

    private static HttpUrl parseBaseUrl(String value) {
        String url = blankToNull(value) == null ? DEFAULT_BASE_URL : value.strip();
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("PATREON_BASE_URL must be an http(s) URL, got '" + url + "'");
        }
        return parsed;
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
