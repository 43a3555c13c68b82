package org.creatorarchiver.http;

import okhttp3.HttpUrl;

/**
 * Scheme, host and port of a URL: the unit the session cookie, the rate limit and 429 pauses are scoped to.
 * Two fake hosts on 127.0.0.1 and localhost, or one host on two ports, are different origins.
 */
public record Origin(String scheme, String host, int port) {

    public static Origin of(HttpUrl url) {
        return new Origin(url.scheme(), url.host(), url.port());
    }

    public boolean matches(HttpUrl url) {
        return scheme.equals(url.scheme()) && host.equals(url.host()) && port == url.port();
    }

    /** The Redis key suffix: the host, plus the port when it is not the scheme's default. */
    public String key() {
        return port == HttpUrl.defaultPort(scheme) ? host : host + ":" + port;
    }

    @Override
    public String toString() {
        return scheme + "://" + key();
    }
}
