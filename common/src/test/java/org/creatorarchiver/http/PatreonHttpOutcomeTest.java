package org.creatorarchiver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a worker gets back from Patreon: a body, a transient failure after short retries, or a classified failure. */
class PatreonHttpOutcomeTest {

    private FakeHost patreon;
    private HttpClients clients;

    @BeforeEach
    void start() throws Exception {
        TestServices.flushRedis();
        patreon = FakeHost.start("127.0.0.1");
        clients = HttpTestSupport.clients(HttpTestSupport.settings(patreon.base(), HttpTestSupport.SESSION_ID));
    }

    @AfterEach
    void stop() {
        clients.close();
        patreon.close();
    }

    @Test
    void serverErrorsAreRetriedInCallUntilTheAnswerComes() throws Exception {
        patreon.enqueue(
                FakeHost.json(503, ""), FakeHost.json(503, ""), FakeHost.json(200, "{\"data\":{\"id\":\"1\"}}"));

        PatreonResponse response = clients.patreon().getJson("/api/posts/1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"data\":{\"id\":\"1\"}}");
        assertThat(response.finalUrl()).isEqualTo(patreon.url("/api/posts/1"));
        assertThat(patreon.requestCount()).isEqualTo(3);
    }

    @Test
    void serverErrorsThatOutlastTheShortRetriesFailAsTransient() {
        patreon.answerByDefault(FakeHost.json(502, ""));

        assertThatThrownBy(() -> clients.patreon().getJson("/api/posts/1"))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.SERVER_ERROR);
                    assertThat(e.retryAfter()).isEmpty();
                    assertThat(e.getMessage()).startsWith("502 Server Error for " + patreon.url("/api/posts/1"));
                });
        assertThat(patreon.requestCount()).isEqualTo(1 + 3);
    }

    @Test
    void aDroppedConnectionIsRetried() throws Exception {
        patreon.enqueue(
                new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket())
                        .build(),
                FakeHost.json(200, "{}"));

        assertThat(clients.patreon().getJson("/api/posts/1").status()).isEqualTo(200);
        assertThat(patreon.requestCount()).isEqualTo(2);
    }

    @Test
    void aNetworkFailureThatLastsFailsAsTransientNamingTheUrl() {
        patreon.answerByDefault(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());

        assertThatThrownBy(() -> clients.patreon().getJson("/api/posts/1"))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.NETWORK_ERROR);
                    assertThat(e.getMessage()).startsWith("Network Error for " + patreon.url("/api/posts/1"));
                });
        assertThat(patreon.requestCount()).isEqualTo(4);
    }

    @Test
    void notFoundIsNotRetried() {
        patreon.enqueue(FakeHost.sample(404, "error-404.json", "application/vnd.api+json"));

        assertThatThrownBy(() -> clients.patreon().getJson("/api/posts/999"))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage())
                            .isEqualTo("404 Not Found for " + patreon.url("/api/posts/999")
                                    + ": it does not exist or was removed");
                });
        assertThat(patreon.requestCount()).isEqualTo(1);
    }

    @Test
    void unauthorizedSaysTheCookieIsTheProblem() {
        patreon.enqueue(FakeHost.sample(401, "error-401.json", "application/vnd.api+json"));

        assertThatThrownBy(() -> clients.patreon().getJson("/api/current_user"))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.UNAUTHORIZED);
                    assertThat(e.getMessage())
                            .isEqualTo("401 Unauthorized for " + patreon.url("/api/current_user")
                                    + ": the Patreon session cookie (PATREON_SESSION_ID) is missing, wrong or expired");
                });
        assertThat(patreon.requestCount()).isEqualTo(1);
    }

    @Test
    void upgradeRequiredSaysTheUserAgentIsOutdated() {
        patreon.enqueue(FakeHost.sample(426, "error-426-update-app.json", "application/vnd.api+json"));

        assertThatThrownBy(() -> clients.patreon().getJson("/api/posts"))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.UPGRADE_REQUIRED);
                    assertThat(e.getMessage())
                            .startsWith("426 Upgrade Required for " + patreon.url("/api/posts"))
                            .contains("scraping.user_agent");
                });
        assertThat(patreon.requestCount()).isEqualTo(1);
    }

    @Test
    void cloudflaresChallengePageIsRecognised() {
        patreon.enqueue(new MockResponse.Builder()
                .code(403)
                .setHeader("Server", "cloudflare")
                .setHeader("cf-mitigated", "challenge")
                .setHeader("Content-Type", "text/html; charset=UTF-8")
                .body(FakeHost.resource("cloudflare-challenge-403.html"))
                .build());

        assertThatThrownBy(() -> clients.patreon().getPage(patreon.url("/skyforge")))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CLOUDFLARE_CHALLENGE);
                    assertThat(e.getMessage()).startsWith("403 Cloudflare challenge for " + patreon.url("/skyforge"));
                });
        assertThat(patreon.requestCount()).isEqualTo(1);
    }

    @Test
    void anyOtherForbiddenIsBlocked() {
        patreon.enqueue(new MockResponse.Builder()
                .code(403)
                .setHeader("Server", "cloudflare")
                .body("{\"errors\":[{\"status\":\"403\",\"title\":\"Forbidden\"}]}")
                .build());

        assertThatThrownBy(() -> clients.patreon().getJson("/api/posts/1"))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(FailureKind.BLOCKED));
        assertThat(patreon.requestCount()).isEqualTo(1);
    }

    @Test
    void badRequestCarriesPatreonsReason() {
        patreon.enqueue(FakeHost.sample(400, "error-400.json", "application/vnd.api+json"));

        assertThatThrownBy(() -> clients.patreon().getJson("/api/posts?sort=-collection_order"))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.BAD_REQUEST);
                    assertThat(e.getMessage()).endsWith("(Invalid sort or missing filter[campaign_id].)");
                });
        assertThat(patreon.requestCount()).isEqualTo(1);
    }

    @Test
    void aPageComesBackWithItsFinalUrlAfterARedirect() throws Exception {
        patreon.enqueue(
                new MockResponse.Builder()
                        .code(307)
                        .setHeader("Location", "/skyforge")
                        .build(),
                new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "text/html")
                        .body("<html></html>")
                        .build());

        PatreonResponse page = clients.patreon().getPage(patreon.url("/c/skyforge"));

        assertThat(page.finalUrl()).isEqualTo(patreon.url("/skyforge"));
        assertThat(page.body()).isEqualTo("<html></html>");
        assertThat(patreon.arrivals())
                .allSatisfy(arrival ->
                        assertThat(arrival.header("Cookie")).isEqualTo("session_id=" + HttpTestSupport.SESSION_ID));
    }

    @Test
    void aRetryAfterLongerThanTheInCallWaitFailsAtOnceWithTheHint() {
        patreon.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "120")
                .build());

        assertThatThrownBy(() -> clients.patreon().getJson("/api/posts"))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                    assertThat(e.getMessage()).endsWith("retry after 120 s");
                });
        assertThat(patreon.requestCount()).isEqualTo(1);
    }
}
