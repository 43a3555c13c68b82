package org.creatorarchiver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import mockwebserver3.MockResponse;
import okhttp3.Headers;
import okhttp3.Response;
import okio.Buffer;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaHttpTest {

    private FakeHost patreon;
    private FakeHost cdn;
    private HttpClients clients;

    @BeforeEach
    void start() throws Exception {
        TestServices.flushRedis();
        patreon = FakeHost.start("127.0.0.1");
        cdn = FakeHost.start("localhost");
        clients = HttpTestSupport.clients(HttpTestSupport.settings(patreon.base(), HttpTestSupport.SESSION_ID));
    }

    @AfterEach
    void stop() {
        clients.close();
        patreon.close();
        cdn.close();
    }

    @Test
    void aDownloadStreamsTheWholeBody() throws Exception {
        byte[] file = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(file);
        cdn.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "video/mp4")
                .body(new Buffer().write(file))
                .build());

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long size = 0;
        try (Response response = clients.media()
                        .openStream(cdn.url("/video.mp4"), Headers.of("Referer", MediaHttp.PATREON_REFERER));
                InputStream body = response.body().byteStream()) {
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = body.read(chunk)) > 0; size += n) {
                sha256.update(chunk, 0, n);
            }
        }

        assertThat(size).isEqualTo(file.length);
        assertThat(HexFormat.of().formatHex(sha256.digest()))
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
    }

    @Test
    void aFailedDownloadIsClassifiedWithTheTokenMasked() {
        cdn.enqueue(FakeHost.json(403, "AccessDenied"));

        assertThatThrownBy(() -> clients.media().openStream(cdn.url("/p/1.jpg?token-hash=SIGNED&token-time=1")))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.BLOCKED);
                    assertThat(e.getMessage())
                            .startsWith("403 Forbidden for " + cdn.url("/p/1.jpg") + "?token-hash=***&token-time=***")
                            .doesNotContain("SIGNED");
                });
    }

    @Test
    void openingADownloadRetriesServerErrors() throws Exception {
        cdn.enqueue(
                FakeHost.json(503, ""), new MockResponse.Builder().body("bytes").build());

        try (Response response = clients.media().openStream(cdn.url("/file.zip"))) {
            assertThat(response.body().string()).isEqualTo("bytes");
        }
        assertThat(cdn.requestCount()).isEqualTo(2);
    }

    @Test
    void mediaRequestsAreNotRateLimited() throws Exception {
        HttpClientSettings slow = HttpTestSupport.settings(patreon.base(), null);
        slow = new HttpClientSettings(
                slow.patreonBaseUrl(),
                null,
                slow.userAgent(),
                slow.timeout(),
                0.2,
                slow.shortRetries(),
                slow.retryBaseBackoff(),
                slow.maxRetryAfterWait());
        try (HttpClients slowClients = HttpTestSupport.clients(slow)) {
            for (int i = 0; i < 3; i++) {
                try (Response response = slowClients.media().openStream(patreon.url("/file/" + i))) {
                    assertThat(response.code()).isEqualTo(200);
                }
            }
        }
        // At 0.2 requests/s a rate-limited client could not have made a second request within 5 s.
        assertThat(patreon.requestCount()).isEqualTo(3);
        assertThat(TestServices.redisson().getKeys().getKeysStream().toList())
                .noneMatch(key -> key.startsWith("archiver:ratelimit:"));
    }
}
