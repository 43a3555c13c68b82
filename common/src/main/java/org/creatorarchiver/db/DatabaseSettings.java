package org.creatorarchiver.db;

import java.util.Objects;

/**
 * How to reach PostgreSQL and how large a pool to keep. {@link #toString()} and every error built from these
 * settings show the URL with its secrets masked and never the password.
 *
 * @param jdbcUrl  a {@code jdbc:postgresql:} URL
 * @param user     may be null when the URL or the server decides
 * @param password may be null (trust or peer authentication)
 * @param poolSize the most connections this process holds
 * @param poolName names the pool's threads and log lines, e.g. the process role
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize, String poolName) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "database URL is missing");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "database URL must start with jdbc:postgresql: (got " + Redaction.redactUrl(jdbcUrl) + ")");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("database pool size must be at least 1 (got " + poolSize + ")");
        }
        if (poolName == null || poolName.isBlank()) {
            throw new IllegalArgumentException("database pool name is missing");
        }
    }

    /** The URL as it may be logged: user info and password parameters masked. */
    public String redactedUrl() {
        return Redaction.redactUrl(jdbcUrl);
    }

    Redaction redaction() {
        return new Redaction(password);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + redactedUrl() + ", user=" + user
                + ", password=" + (password == null ? "none" : "***")
                + ", poolSize=" + poolSize + ", poolName=" + poolName + "]";
    }
}
