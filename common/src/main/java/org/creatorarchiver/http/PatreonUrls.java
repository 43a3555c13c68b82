package org.creatorarchiver.http;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Builds request URLs on {@code PATREON_BASE_URL}. Only the path and query of a Patreon URL matter: a link taken
 * from a response ({@code links.next}, a creator URL on www.patreon.com) is moved onto the base URL, so tests and
 * fakes never send a request to the real Patreon.
 */
public final class PatreonUrls {

    private final HttpUrl base;

    public PatreonUrls(HttpUrl base) {
        this.base = base;
    }

    public HttpUrl base() {
        return base;
    }

    /**
     * {@code "/api/posts?filter[campaign_id]=1"} → that path and query on the base URL; an absolute URL on
     * patreon.com (or a subdomain) or on the base URL's host → its path and query on the base URL.
     *
     * @throws IllegalArgumentException for anything else, naming the value
     */
    public HttpUrl resolve(String pathOrUrl) {
        if (pathOrUrl == null || pathOrUrl.isBlank()) {
            throw new IllegalArgumentException("a Patreon path or URL is required, got '" + pathOrUrl + "'");
        }
        String value = pathOrUrl.strip();
        if (value.startsWith("/") && !value.startsWith("//")) {
            HttpUrl resolved = base.resolve(value);
            if (resolved != null) {
                return resolved;
            }
        }
        HttpUrl absolute = HttpUrl.parse(value);
        if (absolute == null || !isPatreonHost(absolute.host())) {
            throw new IllegalArgumentException("not a Patreon path or URL: '" + value + "'");
        }
        return rebase(absolute);
    }

    /** {@code url}'s path and query on the base URL. */
    public HttpUrl rebase(HttpUrl url) {
        return base.newBuilder()
                .encodedPath(url.encodedPath())
                .encodedQuery(url.encodedQuery())
                .build();
    }

    public boolean isOnBase(HttpUrl url) {
        return Origin.of(base).matches(url);
    }

    /** patreon.com, any subdomain of it, or the base URL's host. */
    public boolean isPatreonHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("patreon.com") || h.endsWith(".patreon.com") || h.equals(base.host());
    }
}
