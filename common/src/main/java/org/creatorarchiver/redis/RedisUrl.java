package org.creatorarchiver.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A parsed {@code REDIS_URL}: {@code redis[s]://[[user]:password@]host:port[/db]}.
 * {@link #toString()} masks the password so the URL can be logged.
 */
public record RedisUrl(boolean tls, String host, int port, String username, String password, int database) {

    public static final String DEFAULT = "redis://127.0.0.1:6379/0";

    public static RedisUrl parse(String value) {
        URI uri = redisUri(value);
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        String userInfo = uri.getRawUserInfo();
        return new RedisUrl(
                "rediss".equals(uri.getScheme()),
                uri.getHost(),
                port,
                username(userInfo),
                password(userInfo),
                database(uri));
    }

    private static URI redisUri(String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL of the form redis[s]://[:password@]host:port[/db]");
        }
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new IllegalArgumentException("scheme must be redis:// or rediss://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("missing host (expected redis[s]://[:password@]host:port[/db])");
        }
        return uri;
    }

    /** The part before the colon; none without a colon, as {@code redis://secret@host} holds only a password. */
    private static String username(String userInfo) {
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        return colon <= 0 ? null : decode(userInfo.substring(0, colon));
    }

    /** The part after the colon, or all of it without one; an empty password means none. */
    private static String password(String userInfo) {
        if (userInfo == null) {
            return null;
        }
        String password = decode(userInfo.substring(userInfo.indexOf(':') + 1));
        return password.isEmpty() ? null : password;
    }

    /** The database index from the path ({@code /7}); 0 without one. */
    private static int database(URI uri) {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return 0;
        }
        int database;
        try {
            database = Integer.parseInt(path.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("database index must be a number, got '" + path.substring(1) + "'");
        }
        if (database < 0) {
            throw new IllegalArgumentException("database index must not be negative");
        }
        return database;
    }

    /** The address Redisson expects (no credentials, no database). */
    public String address() {
        return (tls ? "rediss://" : "redis://") + host + ":" + port;
    }

    @Override
    public String toString() {
        String credentials = password == null ? "" : (username == null ? "" : username) + ":****@";
        return (tls ? "rediss://" : "redis://") + credentials + host + ":" + port + "/" + database;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
