package org.creatorarchiver.http;

/**
 * What went wrong with an HTTP call. {@link HttpFailureClassifier} is the only place that maps responses to a kind,
 * and kinds to whether trying again can help.
 */
public enum FailureKind {
    /** 401: Patreon refuses the session. Retrying cannot help until the user changes the cookie. */
    UNAUTHORIZED("Unauthorized", "the Patreon session cookie (PATREON_SESSION_ID) is missing, wrong or expired"),
    /** 426: Patreon refuses this app version (the user agent). */
    UPGRADE_REQUIRED(
            "Upgrade Required",
            "Patreon refuses this app version; set scraping.user_agent to a current Patreon app user agent"),
    /** 403 (or 503) with Cloudflare's challenge page: bot protection, cleared by the user, not by retrying now. */
    CLOUDFLARE_CHALLENGE(
            "Cloudflare challenge",
            "Cloudflare's bot protection stopped the request; try another network, a current user agent"
                    + " or a fresh session cookie"),
    /** Any other 403. */
    BLOCKED("Forbidden", "access denied (IP or VPN blocked, or no permission)"),
    /** 404 or 410. */
    NOT_FOUND("Not Found", "it does not exist or was removed"),
    /** 400: the request itself is wrong (a bug or an API change). */
    BAD_REQUEST("Bad Request", "the request was rejected as malformed"),
    /** Any other 4xx. */
    CLIENT_ERROR("Client Error", "the request was refused"),
    /** 429, or a host paused by an earlier 429. */
    RATE_LIMITED("Too Many Requests", "rate limited"),
    /** 5xx. */
    SERVER_ERROR("Server Error", "the server failed"),
    /** No HTTP answer: connection refused or reset, timeout, TLS failure. */
    NETWORK_ERROR("Network Error", "no answer"),
    /** A status no rule covers (an unfollowed 3xx, for example). */
    UNEXPECTED_STATUS("Unexpected Status", "unexpected answer");

    private final String label;
    private final String explanation;

    FailureKind(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }
}
