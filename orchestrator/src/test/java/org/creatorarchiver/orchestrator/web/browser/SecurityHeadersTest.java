package org.creatorarchiver.orchestrator.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.creatorarchiver.orchestrator.web.security.CsrfCookie;
import org.creatorarchiver.orchestrator.web.security.UiAccess;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What keeps a page from running what it did not ship (the Content-Security-Policy), and an action from being
 * triggered by another site (the CSRF double submit), checked over plain HTTP.
 */
class SecurityHeadersTest {

    private static TestDashboard dashboard;

    @BeforeAll
    static void start() {
        // No real action route exists yet: this one only says whether the CSRF check let the POST through.
        dashboard = TestDashboard.start(
                UiAccess.open(), routes -> routes.action("/test-action", ctx -> ctx.result("done")));
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/overview/live", "/no-such-page", "/static/app.js", "/api/v1/queues"})
    void everyAnswerForbidsInlineScript(String path) throws Exception {
        String policy = dashboard
                .get(path)
                .headers()
                .firstValue("Content-Security-Policy")
                .orElse("");

        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(policy).contains("frame-ancestors 'none'", "object-src 'none'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/overview/live", "/no-such-page"})
    void thePagesShipNoInlineScriptThePolicyWouldBlock(String path) throws Exception {
        var html = Jsoup.parse(dashboard.get(path).body());

        assertThat(html.select("script:not([src])")).isEmpty();
        assertThat(html.select("[^on]")).as("inline event handlers").isEmpty();
    }

    @Test
    void anActionWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> refused = dashboard.post("/test-action");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("done");
    }

    @Test
    void anActionWhoseHeaderMatchesThePageCookieRuns() throws Exception {
        String token = csrfCookieOfAPage();

        HttpResponse<String> done = dashboard.post("/test-action", "Cookie", cookie(token), CsrfCookie.HEADER, token);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).isEqualTo("done");
    }

    @Test
    void anActionWhoseHeaderDiffersFromTheCookieIsRefused() throws Exception {
        String token = csrfCookieOfAPage();

        HttpResponse<String> refused =
                dashboard.post("/test-action", "Cookie", cookie(token), CsrfCookie.HEADER, token + "x");

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void aPostToAPageIsNotAllowedRatherThanRefusedForCsrf() throws Exception {
        assertThat(dashboard.post("/").statusCode()).isEqualTo(405);
    }

    /** The token the server gives a browser with its first page, from the page's Set-Cookie. */
    private static String csrfCookieOfAPage() throws Exception {
        String setCookie = dashboard.get("/").headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(CsrfCookie.COOKIE + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the page set no " + CsrfCookie.COOKIE + " cookie"));
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        return setCookie.substring(CsrfCookie.COOKIE.length() + 1, setCookie.indexOf(';'));
    }

    private static String cookie(String token) {
        return CsrfCookie.COOKIE + "=" + token;
    }
}
