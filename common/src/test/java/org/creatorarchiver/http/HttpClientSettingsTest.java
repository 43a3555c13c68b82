package org.creatorarchiver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpClientSettingsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(300);

    @Test
    void defaultsApplyToUnsetValues() {
        HttpClientSettings settings = HttpClientSettings.of(null, "", null, TIMEOUT, 2);

        assertThat(settings.patreonBaseUrl()).hasToString("https://www.patreon.com/");
        assertThat(settings.session()).isEmpty();
        assertThat(settings.userAgent()).isEqualTo(HttpClientSettings.DEFAULT_USER_AGENT);
        assertThat(settings.shortRetries()).isEqualTo(HttpClientSettings.DEFAULT_SHORT_RETRIES);
    }

    @Test
    void aFakeBaseUrlOverHttpIsAccepted() {
        HttpClientSettings settings = HttpClientSettings.of("http://127.0.0.1:8089", null, "ua/1", TIMEOUT, 0.5);

        assertThat(settings.patreonOrigin()).isEqualTo(new Origin("http", "127.0.0.1", 8089));
        assertThat(settings.requestsPerSecond()).isEqualTo(0.5);
    }

    @Test
    void toStringMasksTheSessionId() {
        HttpClientSettings settings = HttpClientSettings.of(null, "abcSECRETxyz", null, TIMEOUT, 2);

        assertThat(settings.toString()).doesNotContain("abcSECRETxyz").contains("sessionId=****");
        assertThat(HttpClientSettings.of(null, null, null, TIMEOUT, 2).toString())
                .contains("sessionId=<none>");
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> HttpClientSettings.of("not a url", null, null, TIMEOUT, 2))
                .hasMessage("PATREON_BASE_URL must be an http(s) URL, got 'not a url'");
        assertThatThrownBy(() -> HttpClientSettings.of("https://www.patreon.com/api", null, null, TIMEOUT, 2))
                .hasMessageStartingWith("PATREON_BASE_URL must be an origin");
        assertThatThrownBy(() -> HttpClientSettings.of(null, null, null, TIMEOUT, 0))
                .hasMessage("scraping.requests_per_second must be a number > 0, got 0.0");
        assertThatThrownBy(() -> HttpClientSettings.of(null, null, null, TIMEOUT, Double.NaN))
                .hasMessageStartingWith("scraping.requests_per_second must be a number > 0");
        assertThatThrownBy(() -> HttpClientSettings.of(null, null, null, Duration.ZERO, 2))
                .hasMessageStartingWith("scraping.timeout must be a positive duration");
    }

    @Test
    void aSessionIdThatCannotBeACookieIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> HttpClientSettings.of(null, "abc;SECRET", null, TIMEOUT, 2))
                .hasMessageStartingWith("PATREON_SESSION_ID contains a character a cookie value cannot hold")
                .message()
                .doesNotContain("SECRET");
        assertThatThrownBy(() -> HttpClientSettings.of(null, "session_id=SECRET", null, TIMEOUT, 2))
                .hasMessage("PATREON_SESSION_ID must be the cookie value only, without 'session_id='");
    }
}
