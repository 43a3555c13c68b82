package org.creatorarchiver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creatorarchiver.http.HttpTestSupport.SESSION_ID;

import mockwebserver3.MockResponse;
import okhttp3.Headers;
import okhttp3.Response;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session cookie reaches PATREON_BASE_URL's origin through the Patreon client, and nothing else. */
class SessionCookieIsolationTest {

    private FakeHost patreon;
    private FakeHost cdn;

    @BeforeEach
    void startHosts() throws Exception {
        TestServices.flushRedis();
        patreon = FakeHost.start("127.0.0.1");
        cdn = FakeHost.start("localhost");
    }

    @AfterEach
    void stopHosts() {
        patreon.close();
        cdn.close();
    }

    @Test
    void aRedirectToAnotherHostLeavesTheCookieBehind() throws Exception {
        patreon.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", cdn.url("/landing").toString())
                .build());
        try (HttpClients clients = HttpTestSupport.clients(HttpTestSupport.settings(patreon.base(), SESSION_ID))) {
            PatreonResponse response = clients.patreon().getJson("/api/campaigns/4815162");

            assertThat(response.finalUrl()).isEqualTo(cdn.url("/landing"));
        }
        assertThat(patreon.arrivals())
                .singleElement()
                .satisfies(arrival -> assertThat(arrival.header("Cookie")).isEqualTo("session_id=" + SESSION_ID));
        assertThat(cdn.arrivals())
                .singleElement()
                .satisfies(arrival -> assertThat(arrival.header("Cookie")).isNull());
    }

    @Test
    void theMediaClientSendsNoCookieToAnyHostNotEvenPatreon() throws Exception {
        try (HttpClients clients = HttpTestSupport.clients(HttpTestSupport.settings(patreon.base(), SESSION_ID))) {
            Headers referer = Headers.of("Referer", MediaHttp.PATREON_REFERER);
            try (Response fromCdn = clients.media().openStream(cdn.url("/p/post/1/file.jpg"), referer);
                    Response fromPatreon = clients.media().openStream(patreon.url("/file/download"), referer)) {
                assertThat(fromCdn.code()).isEqualTo(200);
                assertThat(fromPatreon.code()).isEqualTo(200);
            }
        }
        for (FakeHost host : new FakeHost[] {cdn, patreon}) {
            assertThat(host.arrivals()).singleElement().satisfies(arrival -> {
                assertThat(arrival.header("Cookie")).isNull();
                assertThat(arrival.header("Referer")).isEqualTo("https://www.patreon.com/");
                assertThat(arrival.header("User-Agent")).isEqualTo(HttpTestSupport.USER_AGENT);
            });
        }
    }

    @Test
    void aPatreonRequestCarriesTheCookieAndTheJsonApiHeaders() throws Exception {
        try (HttpClients clients = HttpTestSupport.clients(HttpTestSupport.settings(patreon.base(), SESSION_ID))) {
            clients.patreon().getJson("/api/current_user");
        }
        assertThat(patreon.arrivals()).singleElement().satisfies(arrival -> {
            assertThat(arrival.header("Cookie")).isEqualTo("session_id=" + SESSION_ID);
            assertThat(arrival.header("Accept")).isEqualTo("application/vnd.api+json");
            assertThat(arrival.header("Content-Type")).isEqualTo("application/vnd.api+json");
            assertThat(arrival.header("User-Agent")).isEqualTo(HttpTestSupport.USER_AGENT);
        });
    }

    @Test
    void withoutASessionIdNoCookieIsSent() throws Exception {
        try (HttpClients clients = HttpTestSupport.clients(HttpTestSupport.settings(patreon.base(), null))) {
            clients.patreon().getJson("/api/posts");
        }
        assertThat(patreon.arrivals())
                .singleElement()
                .satisfies(arrival -> assertThat(arrival.header("Cookie")).isNull());
    }

    @Test
    void thePatreonClientRefusesUrlsOffTheBaseUrl() {
        try (HttpClients clients = HttpTestSupport.clients(HttpTestSupport.settings(patreon.base(), SESSION_ID))) {
            assertThatThrownBy(() -> clients.patreon().getJson(cdn.url("/api/posts")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(cdn.url("/api/posts").toString());
        }
        assertThat(cdn.requestCount()).isZero();
    }

    @Test
    void theMediaClientRefusesACookieHeader() {
        try (HttpClients clients = HttpTestSupport.clients(HttpTestSupport.settings(patreon.base(), SESSION_ID))) {
            assertThatThrownBy(() -> clients.media().openStream(cdn.url("/x"), Headers.of("Cookie", "a=b")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("never send cookies");
        }
        assertThat(cdn.requestCount()).isZero();
    }
}
