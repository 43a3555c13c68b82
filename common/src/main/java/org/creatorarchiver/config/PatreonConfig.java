package org.creatorarchiver.config;

import java.net.URI;
import java.util.Optional;

/**
 * Where Patreon is and who we are there. {@code baseUrl} has no trailing slash ({@code https://www.patreon.com});
 * the session cookie is sent only to its host.
 */
public record PatreonConfig(URI baseUrl, Optional<Secret> sessionId) {

    public String host() {
        return baseUrl.getHost();
    }

    /** The session id as logs show it: {@code ****} or {@code (not set)}. */
    public String maskedSessionId() {
        return sessionId.map(Secret::masked).orElse("(not set)");
    }
}
