package org.creatorarchiver.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * GETs Patreon's API and pages on {@code PATREON_BASE_URL}: with the session cookie (that origin only), the shared
 * rate limit, 429 pauses shared by every worker, and short in-call retries of transient failures.
 * <p>
 * A 2xx comes back as a {@link PatreonResponse}; anything else is thrown as an {@link HttpFailureException}: a
 * retryable one once the in-call retries are used up (reschedule the job), a permanent one at once (record it).
 * Exceptions rather than a result type because every caller
 * handles success and failure in different places: parse here, classify at the worker boundary.
 */
public final class PatreonHttp {

    private static final String JSON_API = "application/vnd.api+json";

    private final OkHttpClient client;
    private final PatreonUrls urls;
    private final HostRateLimiter rateLimiter;
    private final HostPauses pauses;
    private final ShortRetry retry;
    private final Duration maxRetryAfterWait;
    private final Clock clock;

    PatreonHttp(
            OkHttpClient client,
            HttpClientSettings settings,
            HostRateLimiter rateLimiter,
            HostPauses pauses,
            Clock clock) {
        this.client = client;
        this.urls = new PatreonUrls(settings.patreonBaseUrl());
        this.rateLimiter = rateLimiter;
        this.pauses = pauses;
        this.retry = new ShortRetry(
                "patreon", settings.shortRetries(), settings.retryBaseBackoff(), settings.maxRetryAfterWait());
        this.maxRetryAfterWait = settings.maxRetryAfterWait();
        this.clock = clock;
    }

    /** See {@link PatreonUrls#resolve(String)}. */
    public HttpUrl url(String pathOrUrl) {
        return urls.resolve(pathOrUrl);
    }

    public PatreonUrls urls() {
        return urls;
    }

    /** GETs a JSON:API document; {@code pathOrUrl} as in {@link #url(String)}. */
    public PatreonResponse getJson(String pathOrUrl) throws HttpFailureException, InterruptedException {
        return getJson(url(pathOrUrl));
    }

    /** GETs a JSON:API document from {@code url}, which must be on {@code PATREON_BASE_URL}. */
    public PatreonResponse getJson(HttpUrl url) throws HttpFailureException, InterruptedException {
        return get(url, Headers.of("Accept", JSON_API, "Content-Type", JSON_API));
    }

    /** GETs an HTML page (a creator or post page) from {@code url}, which must be on {@code PATREON_BASE_URL}. */
    public PatreonResponse getPage(HttpUrl url) throws HttpFailureException, InterruptedException {
        return get(url, Headers.of("Accept", "text/html,application/xhtml+xml"));
    }

    private PatreonResponse get(HttpUrl url, Headers headers) throws HttpFailureException, InterruptedException {
        if (!urls.isOnBase(url)) {
            throw new IllegalArgumentException("refusing to send a Patreon request to " + LoggableUrl.of(url)
                    + ": not on PATREON_BASE_URL " + urls.base() + " (use url(...) to move it there)");
        }
        Request request = new Request.Builder().url(url).headers(headers).get().build();
        return retry.call(url, () -> attempt(request));
    }

    private PatreonResponse attempt(Request request) throws IOException, HttpFailureException, InterruptedException {
        awaitTurn(request.url());
        try (Response response = client.newCall(request).execute()) {
            // Before anything else: every moment until the pause is in Redis, other workers may still start requests.
            RetryAfter.askedBy(response.code(), response.headers(), clock.instant())
                    .ifPresent(wait -> pauses.pause(Origin.of(response.request().url()), wait));
            ResponseBody body = response.body();
            HttpUrl finalUrl = response.request().url();
            if (response.isSuccessful()) {
                return new PatreonResponse(response.code(), finalUrl, response.headers(), body.string());
            }
            String snippet =
                    response.peekBody(HttpFailureClassifier.BODY_SNIPPET_BYTES).string();
            throw HttpFailureClassifier.classify(
                    response.code(), response.headers(), snippet, finalUrl, clock.instant());
        }
    }

    /**
     * Waits until a request to the host may start: a permit of the shared rate, and no pause set by any worker. The
     * pause is read after the permit because it may begin while the request waits for one, and the permit does not
     * outrank it: the request waits the pause out, then takes a fresh permit so the waiters do not all start at once
     * when it ends. (One read of the pause per request: it is on every call's path.)
     */
    private void awaitTurn(HttpUrl url) throws HttpFailureException, InterruptedException {
        Origin origin = Origin.of(url);
        do {
            rateLimiter.acquire(origin);
        } while (pauses.awaitEnd(url, maxRetryAfterWait));
    }
}
