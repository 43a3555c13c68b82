package org.creatorarchiver.http;

/** Checks a {@code PATREON_SESSION_ID} value without ever echoing it. */
final class SessionIds {

    private SessionIds() {}

    static void requireValid(String sessionId) {
        if (sessionId.startsWith("session_id=")) {
            throw new IllegalArgumentException(
                    "PATREON_SESSION_ID must be the cookie value only, without 'session_id='");
        }
        for (int i = 0; i < sessionId.length(); i++) {
            if (!isCookieOctet(sessionId.charAt(i))) {
                throw new IllegalArgumentException(
                        "PATREON_SESSION_ID contains a character a cookie value cannot hold" + " (at position "
                                + (i + 1) + "): whitespace, quote, comma, semicolon, backslash or non-ASCII");
            }
        }
    }

    /** RFC 6265 cookie-octet: anything else would corrupt (or inject into) the Cookie header. */
    private static boolean isCookieOctet(char c) {
        return c == 0x21
                || (c >= 0x23 && c <= 0x2B)
                || (c >= 0x2D && c <= 0x3A)
                || (c >= 0x3C && c <= 0x5B)
                || (c >= 0x5D && c <= 0x7E);
    }
}
