package org.creatorarchiver.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.creatorarchiver.queue.JobFailure;
import org.junit.jupiter.api.Test;

class HttpFailureClassifierTest {

    private static final HttpUrl URL = HttpUrl.get("https://www.patreon.com/api/posts?filter[campaign_id]=4815162");
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void everyStatusHasItsKindAndRetryability() {
        assertThat(kindOf(400, "")).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(kindOf(401, FakeHost.resource("error-401.json"))).isEqualTo(FailureKind.UNAUTHORIZED);
        assertThat(kindOf(403, "")).isEqualTo(FailureKind.BLOCKED);
        assertThat(kindOf(404, FakeHost.resource("error-404.json"))).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(kindOf(410, "")).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(kindOf(426, FakeHost.resource("error-426-update-app.json"))).isEqualTo(FailureKind.UPGRADE_REQUIRED);
        assertThat(kindOf(429, "")).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(kindOf(422, "")).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(kindOf(500, "")).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(kindOf(504, "")).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(kindOf(304, "")).isEqualTo(FailureKind.UNEXPECTED_STATUS);

        assertThat(outcomeOf(429, Headers.of("Retry-After", "7")))
                .isEqualTo(new JobFailure.RetryAfter(Duration.ofSeconds(7)));
        assertThat(outcomeOf(500, Headers.of())).isEqualTo(JobFailure.RETRY);
        assertThat(outcomeOf(503, Headers.of())).isEqualTo(JobFailure.RETRY);
        assertThat(HttpFailureClassifier.network(URL, new IOException("reset")).outcome())
                .isEqualTo(JobFailure.RETRY);
        for (int permanent : new int[] {400, 401, 403, 404, 410, 422, 426, 304}) {
            assertThat(outcomeOf(permanent, Headers.of()))
                    .as("HTTP %d", permanent)
                    .isEqualTo(JobFailure.PERMANENT);
        }
    }

    @Test
    void aServiceUnavailableNamingADelayAsksToWaitThatLong() {
        assertThat(outcomeOf(503, Headers.of("Retry-After", "5")))
                .isEqualTo(new JobFailure.RetryAfter(Duration.ofSeconds(5)));
        assertThat(outcomeOf(502, Headers.of("Retry-After", "5"))).isEqualTo(JobFailure.RETRY);
    }

    @Test
    void theChallengePageIsCloudflareEvenWithoutItsHeaders() {
        HttpFailureException failure = HttpFailureClassifier.classify(
                403, Headers.of(), FakeHost.resource("cloudflare-challenge-403.html"), URL, NOW);

        assertThat(failure.kind()).isEqualTo(FailureKind.CLOUDFLARE_CHALLENGE);
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void aChallengeHeaderOnA503IsCloudflareNotAServerError() {
        HttpFailureException failure = HttpFailureClassifier.classify(
                503, Headers.of("Server", "cloudflare", "cf-mitigated", "challenge"), "", URL, NOW);

        assertThat(failure.kind()).isEqualTo(FailureKind.CLOUDFLARE_CHALLENGE);
    }

    @Test
    void serverCloudflareAloneIsNotAChallenge() {
        HttpFailureException failure = HttpFailureClassifier.classify(
                403, Headers.of("Server", "cloudflare"), "{\"errors\":[{\"title\":\"Forbidden\"}]}", URL, NOW);

        assertThat(failure.kind()).isEqualTo(FailureKind.BLOCKED);
    }

    @Test
    void aRateLimitCarriesTheServersDelayOrTheDefault() {
        assertThat(HttpFailureClassifier.classify(429, Headers.of("Retry-After", "7"), "", URL, NOW)
                        .retryAfter())
                .contains(Duration.ofSeconds(7));
        assertThat(HttpFailureClassifier.classify(429, Headers.of(), "", URL, NOW)
                        .retryAfter())
                .contains(RetryAfter.DEFAULT);
    }

    @Test
    void messagesAreOneLineAndNameTheUrl() {
        HttpFailureException badRequest = HttpFailureClassifier.classify(
                400, Headers.of(), "{\"errors\":[{\"detail\":\"Invalid sort\\n  or missing filter.\"}]}", URL, NOW);

        assertThat(badRequest.getMessage())
                .isEqualTo("400 Bad Request for " + URL
                        + ": the request was rejected as malformed (Invalid sort or missing filter.)");
    }

    @Test
    void aTimeoutIsANetworkError() {
        HttpFailureException failure = HttpFailureClassifier.network(URL, new SocketTimeoutException("Read timed out"));

        assertThat(failure.kind()).isEqualTo(FailureKind.NETWORK_ERROR);
        assertThat(failure.getMessage())
                .isEqualTo("Network Error for " + URL + ": no answer (SocketTimeoutException: Read timed out)");
        assertThat(HttpFailureClassifier.network(URL, new java.io.InterruptedIOException("timeout"))
                        .getMessage())
                .endsWith("(timed out)");
        assertThat(HttpFailureClassifier.network(URL, new IOException("reset\nby peer"))
                        .getMessage())
                .endsWith("(IOException: reset by peer)");
    }

    @Test
    void signedMediaUrlsHaveTheirTokensMasked() {
        HttpUrl signed = HttpUrl.get("https://c10.patreonusercontent.com/4/patreon-media/p/post/1/abc/1.jpg"
                + "?token-hash=Zm9vYmFy&token-time=1782345600&w=620");

        HttpFailureException failure = HttpFailureClassifier.classify(404, Headers.of(), "", signed, NOW);

        assertThat(failure.getMessage())
                .contains(" for https://c10.patreonusercontent.com/4/patreon-media/p/post/1/abc/1.jpg"
                        + "?token-hash=***&token-time=***&w=620: ");
    }

    private static JobFailure.Outcome outcomeOf(int status, Headers headers) {
        return HttpFailureClassifier.classify(status, headers, "", URL, NOW).outcome();
    }

    private static FailureKind kindOf(int status, String body) {
        return HttpFailureClassifier.classify(status, Headers.of(), body, URL, NOW)
                .kind();
    }
}
