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
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String userInfo = uri.getRawUserInfo();
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                password = decode(userInfo);
            } else {
                username = colon == 0 ? null : decode(userInfo.substring(0, colon));
                password = decode(userInfo.substring(colon + 1));
            }
            if (password != null && password.isEmpty()) {
                password = null;
            }
        }
        int database = 0;
        String path = uri.getPath();
        if (path != null && !path.isEmpty() && !"/".equals(path)) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("database index must be a number, got '" + path.substring(1) + "'");
            }
            if (database < 0) {
                throw new IllegalArgumentException("database index must not be negative");
            }
        }
        return new RedisUrl("rediss".equals(scheme), uri.getHost(), port, username, password, database);
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
