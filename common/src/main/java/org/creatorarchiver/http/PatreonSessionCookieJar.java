package org.creatorarchiver.http;

import java.util.List;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * Offers {@code session_id} to exactly one origin. OkHttp asks the jar before every network request, redirects
 * included, so a redirect to another host (or port, or scheme) goes out without the cookie.
 */
final class PatreonSessionCookieJar implements CookieJar {

    private final Origin patreon;
    private final List<Cookie> cookies;

    PatreonSessionCookieJar(Origin patreon, String sessionId) {
        this.patreon = patreon;
        this.cookies = List.of(new Cookie.Builder()
                .name("session_id")
                .value(sessionId)
                .hostOnlyDomain(patreon.host())
                .path("/")
                .build());
    }

    @Override
    public List<Cookie> loadForRequest(HttpUrl url) {
        return patreon.matches(url) ? cookies : List.of();
    }

    /** Cookies Patreon sets are dropped: workers stay stateless and no response can plant or replace a cookie. */
    @Override
    public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {}

    @Override
    public String toString() {
        return "PatreonSessionCookieJar[" + patreon + ", session_id=****]";
    }
}
