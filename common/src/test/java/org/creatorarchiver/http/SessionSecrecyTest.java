package org.creatorarchiver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.creatorarchiver.http.HttpTestSupport.SESSION_ID;

import java.io.PrintWriter;
import java.io.StringWriter;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session id never shows up in what people read: exceptions (with their causes) and toString. */
class SessionSecrecyTest {

    private FakeHost patreon;
    private HttpClients clients;

    @BeforeEach
    void start() throws Exception {
        TestServices.flushRedis();
        patreon = FakeHost.start("127.0.0.1");
        clients = HttpTestSupport.clients(HttpTestSupport.settings(patreon.base(), SESSION_ID));
    }

    @AfterEach
    void stop() {
        clients.close();
        patreon.close();
    }

    @Test
    void failuresDoNotMentionTheSessionId() {
        patreon.enqueue(
                FakeHost.sample(401, "error-401.json", "application/vnd.api+json"),
                new MockResponse.Builder()
                        .code(403)
                        .setHeader("cf-mitigated", "challenge")
                        .body(FakeHost.resource("cloudflare-challenge-403.html"))
                        .build(),
                new MockResponse.Builder()
                        .code(429)
                        .setHeader("Retry-After", "3600")
                        .build());
        patreon.answerByDefault(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());

        for (String path : new String[] {"/api/current_user", "/api/posts", "/api/posts/1", "/api/posts/2"}) {
            Throwable failure = catchThrowable(() -> clients.patreon().getJson(path));

            assertThat(failure).isInstanceOf(HttpFailureException.class);
            assertThat(fullText(failure)).doesNotContain(SESSION_ID).contains(path);
        }
    }

    @Test
    void toStringsDoNotMentionTheSessionId() throws Exception {
        PatreonResponse response = clients.patreon().getJson("/api/current_user");
        HttpClientSettings settings = HttpTestSupport.settings(patreon.base(), SESSION_ID);

        assertThat(String.join(
                        "\n",
                        settings.toString(),
                        response.toString(),
                        clients.patreon().toString(),
                        new PatreonSessionCookieJar(settings.patreonOrigin(), SESSION_ID).toString()))
                .doesNotContain(SESSION_ID);
    }

    private static String fullText(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
