package org.creatorarchiver.orchestrator.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.creatorarchiver.config.EnvironmentVariables;
import org.creatorarchiver.config.Secret;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.orchestrator.web.security.UiAccess;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With {@code ARCHIVER_UI_TOKEN} set, pages and API alike ask for the token, scripts pass it as a bearer token, and
 * a browser that signed in once (HTTP Basic, the token as password) keeps the overview refreshing.
 */
class TokenInBrowserTest {

    private static final String TOKEN = "a-token-of-32-characters-or-so-1";
    private static final String PHASE1_READY = "tr[data-queue='" + Queues.PHASE1 + "'] td[data-state='ready']";
    private static TestDashboard dashboard;

    @BeforeAll
    static void startWithAToken() {
        TestServices.flushRedis();
        dashboard = TestDashboard.start(new UiAccess(Optional.of(Secret.of(TOKEN))));
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/queues", "/static/app.js"})
    void withoutTheTokenTheAnswerIs401AskingForBasicCredentials(String path) throws Exception {
        HttpResponse<String> response = dashboard.get(path);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/queues"})
    void theTokenOpensPagesAndApiAsBearerOrAsBasicPassword(String path) throws Exception {
        assertThat(dashboard.get(path, "Authorization", "Bearer " + TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(dashboard.get(path, "Authorization", basic("anyone", TOKEN)).statusCode())
                .isEqualTo(200);
        assertThat(dashboard.get(path, "Authorization", "Bearer " + TOKEN + "x").statusCode())
                .isEqualTo(401);
    }

    @Test
    void bindingEveryAddressWithoutATokenIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> UiAccess.open().checkBind("0.0.0.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(EnvironmentVariables.ARCHIVER_UI_TOKEN);
        new UiAccess(Optional.of(Secret.of(TOKEN))).checkBind("0.0.0.0");
        UiAccess.open().checkBind("127.0.0.1");
    }

    @Test
    void aBrowserSignedInWithTheTokenSeesTheOverviewRefresh() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.open(dashboard.url("/").replace("://", "://anyone:" + TOKEN + "@"));
            assertThat(browser.text("h1")).isEqualTo("Overview");
            String before = browser.text(PHASE1_READY);

            new JobQueue(TestServices.redisson(), Clock.systemUTC())
                    .enqueue(JobTypes.SYNC_CREATOR, new JobTypes.SyncCreator(1, false));

            String expected = String.valueOf(Long.parseLong(before) + 1);
            browser.waitUntil(page -> expected.equals(browser.text(PHASE1_READY)));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static String basic(String user, String password) {
        byte[] credentials = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(credentials);
    }
}
