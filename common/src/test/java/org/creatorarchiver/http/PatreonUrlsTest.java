package org.creatorarchiver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class PatreonUrlsTest {

    private final PatreonUrls urls = new PatreonUrls(HttpUrl.get("http://127.0.0.1:8089"));

    @Test
    void aPathAndQueryGoToTheBaseUrl() {
        assertThat(urls.resolve("/api/posts?filter[campaign_id]=4815162&page[cursor]=abc"))
                .hasToString("http://127.0.0.1:8089/api/posts?filter[campaign_id]=4815162&page[cursor]=abc");
    }

    @Test
    void aLinkOnPatreonComIsMovedToTheBaseUrl() {
        assertThat(urls.resolve("https://www.patreon.com/api/posts?page%5Bcursor%5D=03%3Aabc"))
                .hasToString("http://127.0.0.1:8089/api/posts?page%5Bcursor%5D=03%3Aabc");
        assertThat(urls.resolve("https://patreon.com/c/skyforge")).hasToString("http://127.0.0.1:8089/c/skyforge");
        assertThat(urls.resolve("http://127.0.0.1:9999/skyforge")).hasToString("http://127.0.0.1:8089/skyforge");
    }

    @Test
    void otherHostsAndGarbageAreRefused() {
        assertThatThrownBy(() -> urls.resolve("https://evil.example/api/posts"))
                .hasMessage("not a Patreon path or URL: 'https://evil.example/api/posts'");
        assertThatThrownBy(() -> urls.resolve("https://notpatreon.com/x"))
                .hasMessage("not a Patreon path or URL: 'https://notpatreon.com/x'");
        assertThatThrownBy(() -> urls.resolve("//evil.example/x"))
                .hasMessage("not a Patreon path or URL: '//evil.example/x'");
        assertThatThrownBy(() -> urls.resolve("api/posts")).hasMessage("not a Patreon path or URL: 'api/posts'");
    }
}
