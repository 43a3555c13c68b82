package org.creatorarchiver.http;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A successful (2xx) Patreon answer, read whole.
 *
 * @param finalUrl the URL that answered, after redirects (a creator page may redirect to its canonical vanity)
 */
public record PatreonResponse(int status, HttpUrl finalUrl, Headers headers, String body) {

    @Override
    public String toString() {
        return "PatreonResponse[" + status + " " + LoggableUrl.of(finalUrl) + ", " + body.length() + " chars]";
    }
}
