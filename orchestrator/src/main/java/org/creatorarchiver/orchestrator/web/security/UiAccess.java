package org.creatorarchiver.orchestrator.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.creatorarchiver.config.EnvironmentVariables;
import org.creatorarchiver.config.Secret;

/**
 * Who may use {@code serve}: anyone who reaches a loopback address, or, with {@code ARCHIVER_UI_TOKEN} set, only a
 * request that carries the token: {@code Authorization: Bearer <token>} (scripts), or as the password of HTTP Basic
 * (the browser's own sign-in prompt, any user name). Tokens are compared in constant time.
 */
public final class UiAccess {

    private final Optional<Secret> token;

    public UiAccess(Optional<Secret> token) {
        this.token = token;
    }

    /** No token: open to whoever can reach the address (only sensible on loopback). */
    public static UiAccess open() {
        return new UiAccess(Optional.empty());
    }

    public boolean needsToken() {
        return token.isPresent();
    }

    /**
     * @throws IllegalArgumentException {@code host} is not a loopback address and no token is set: the dashboard's
     *     actions and the archive would be open to the network
     */
    public void checkBind(String host) {
        if (token.isEmpty() && !isLoopback(host)) {
            throw new IllegalArgumentException("--bind " + host + " is not a loopback address: set "
                    + EnvironmentVariables.ARCHIVER_UI_TOKEN + " (at least " + EnvironmentVariables.MIN_UI_TOKEN_LENGTH
                    + " characters) so that every page and API call asks for it, or bind 127.0.0.1");
        }
    }

    /** Whether a request whose {@code Authorization} header is {@code authorization} (null: none) may pass. */
    public boolean allows(String authorization) {
        if (token.isEmpty()) {
            return true;
        }
        return presented(authorization).map(this::matches).orElse(false);
    }

    private boolean matches(String presented) {
        byte[] expected = token.get().reveal().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The token a header carries: a bearer token, or the password of Basic credentials. */
    static Optional<String> presented(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).strip());
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basicPassword(authorization.substring(6).strip());
        }
        return Optional.empty();
    }

    private static Optional<String> basicPassword(String encoded) {
        try {
            String credentials = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(credentials.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
