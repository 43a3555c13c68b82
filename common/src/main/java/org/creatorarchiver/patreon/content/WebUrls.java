package org.creatorarchiver.patreon.content;

import java.util.Locale;
import okhttp3.HttpUrl;

/** Lenient parsing of the URLs people paste: surrounding spaces, no scheme, or a protocol-relative {@code //host}. */
final class WebUrls {

    private WebUrls() {}

    /** The http(s) URL {@code url} denotes, or null when it is not one. */
    static HttpUrl parse(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("//")) {
            trimmed = "https:" + trimmed;
        } else if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            if (lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
                return null;
            }
            trimmed = "https://" + trimmed;
        }
        return HttpUrl.parse(trimmed);
    }
}
