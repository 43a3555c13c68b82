package org.creatorarchiver.http;

import java.io.IOException;
import java.time.Clock;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Downloads media (Patreon CDN, Mux, any URL taken from a response) with a client that has no cookie jar, whatever
 * host the URL points at, Patreon's included. Not rate limited; opening a download retries transient failures in-call
 * like {@link PatreonHttp}. The body is streamed: callers copy it to disk and close the response.
 */
public final class MediaHttp {

    /** Mux and Patreon's CDN want this exact Referer (docs/ARCHITECTURE.md, "HTTP clients"). */
    public static final String PATREON_REFERER = "https://www.patreon.com/";

    private final OkHttpClient client;
    private final ShortRetry retry;
    private final String userAgent;
    private final Clock clock;

    MediaHttp(OkHttpClient client, HttpClientSettings settings, Clock clock) {
        this.client = client;
        this.retry = new ShortRetry(
                "media", settings.shortRetries(), settings.retryBaseBackoff(), settings.maxRetryAfterWait());
        this.userAgent = settings.userAgent();
        this.clock = clock;
    }

    /** The user agent downloads send (for tools such as yt-dlp that must look the same). */
    public String userAgent() {
        return userAgent;
    }

    /**
     * Opens a GET whose 2xx body is read as a stream: the caller must close the returned response. Non-2xx answers
     * are closed and thrown as an {@link HttpFailureException}.
     *
     * @param headers extra request headers, such as {@code Referer: https://www.patreon.com/} for Mux; never a Cookie
     */
    public Response openStream(HttpUrl url, Headers headers) throws HttpFailureException, InterruptedException {
        if (headers.get("Cookie") != null) {
            throw new IllegalArgumentException(
                    "media downloads never send cookies; drop the Cookie header for " + LoggableUrl.of(url));
        }
        Request request = new Request.Builder().url(url).headers(headers).get().build();
        return retry.call(url, () -> attempt(request));
    }

    public Response openStream(HttpUrl url) throws HttpFailureException, InterruptedException {
        return openStream(url, Headers.of());
    }

    private Response attempt(Request request) throws IOException, HttpFailureException {
        Response response = client.newCall(request).execute();
        if (response.isSuccessful()) {
            return response;
        }
        try (response) {
            String snippet =
                    response.peekBody(HttpFailureClassifier.BODY_SNIPPET_BYTES).string();
            throw HttpFailureClassifier.classify(
                    response.code(),
                    response.headers(),
                    snippet,
                    response.request().url(),
                    clock.instant());
        }
    }
}
