package org.creatorarchiver.config;

import static org.creatorarchiver.config.EnvironmentVariables.*;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Builds {@link DatabaseConfig} from {@code DATABASE_URL}, {@code DATABASE_USER} and {@code DATABASE_PASSWORD}.
 * Besides a JDBC URL it accepts the {@code postgres[ql]://user:password@host:port/db} form that hosting platforms
 * hand out, and moves its credentials out of the URL.
 */
final class DatabaseConfigReader {

    private static final String JDBC_PREFIX = "jdbc:postgresql://";
    private static final String FORMS =
            "jdbc:postgresql://host:port/database or postgres://user:password@host:port/database";

    private DatabaseConfigReader() {}

    static DatabaseConfig read(EnvReader env) {
        String url = env.plain(DATABASE_URL, DEFAULT_DATABASE_URL);
        Optional<String> user = env.plain(DATABASE_USER);
        Optional<Secret> password = env.secret(DATABASE_PASSWORD);
        if (url.startsWith(JDBC_PREFIX)) {
            checkJdbcUrl(url);
            return withDefaults(url, user, password);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return fromPostgresUri(url, user, password);
        }
        throw invalidUrl(url, "must be " + FORMS);
    }

    private static void checkJdbcUrl(String url) {
        String rest = url.substring(JDBC_PREFIX.length()).split("\\?", 2)[0];
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        if (hosts.isEmpty()) {
            throw invalidUrl(url, "must name a host, as in " + FORMS);
        }
        if (rest.contains("@")) {
            throw invalidUrl(url, "a jdbc: URL cannot carry credentials; set DATABASE_USER and DATABASE_PASSWORD");
        }
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        if (database.isEmpty()) {
            throw invalidUrl(url, "must name a database, as in " + FORMS);
        }
    }

    private static DatabaseConfig fromPostgresUri(String url, Optional<String> envUser, Optional<Secret> envPassword) {
        URI uri = parse(url);
        String jdbcUrl = jdbcUrl(url, uri);
        Credentials inUrl = Credentials.of(uri);
        checkSetOnce(inUrl, envUser, envPassword);
        return withDefaults(
                jdbcUrl, inUrl.user().or(() -> envUser), inUrl.password().or(() -> envPassword));
    }

    /** A user or password given both in the URL and in its own variable must be the same in both. */
    private static void checkSetOnce(Credentials inUrl, Optional<String> envUser, Optional<Secret> envPassword) {
        if (inUrl.user().isPresent() && envUser.isPresent() && !inUrl.user().equals(envUser)) {
            throw EnvReader.invalid(
                    DATABASE_USER,
                    envUser.get(),
                    "differs from the user in DATABASE_URL; set the user in one place only");
        }
        if (inUrl.password().isPresent()
                && envPassword.isPresent()
                && !inUrl.password().equals(envPassword)) {
            throw EnvReader.invalidSecret(
                    DATABASE_PASSWORD, "differs from the password in DATABASE_URL; set the password in one place only");
        }
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw invalidUrl(
                    url,
                    "not a valid URL (" + e.getReason()
                            + "); characters such as @ : / # % in the user or password must be percent-encoded");
        }
    }

    /** The {@code jdbc:postgresql:} form of a {@code postgres[ql]://} URL, without its credentials. */
    private static String jdbcUrl(String url, URI uri) {
        if (uri.getHost() == null) {
            throw invalidUrl(url, "must name a host, as in " + FORMS);
        }
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (database.isEmpty()) {
            throw invalidUrl(url, "must name a database, as in " + FORMS);
        }
        return JDBC_PREFIX + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/" + database
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static DatabaseConfig withDefaults(String jdbcUrl, Optional<String> user, Optional<Secret> password) {
        return new DatabaseConfig(
                jdbcUrl, user.orElse(DEFAULT_DATABASE_USER), password.orElse(Secret.of(DEFAULT_DATABASE_PASSWORD)));
    }

    /** The user and password a {@code postgres://user:password@host} URL carries, percent-decoded. */
    private record Credentials(Optional<String> user, Optional<Secret> password) {

        static Credentials of(URI uri) {
            if (uri.getRawUserInfo() == null) {
                return new Credentials(Optional.empty(), Optional.empty());
            }
            String[] parts = uri.getRawUserInfo().split(":", 2);
            return new Credentials(
                    Optional.of(decode(parts[0])).filter(user -> !user.isEmpty()),
                    parts.length == 2 ? Optional.of(Secret.of(decode(parts[1]))) : Optional.empty());
        }
    }

    private static ConfigException invalidUrl(String url, String rule) {
        return ConfigException.variable(DATABASE_URL, Display.value(Display.maskUrl(url)), rule);
    }

    /** Percent-decoding only (the URI checked the escapes): in a URL's user-info a '+' is itself, not a space. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
