package org.creatorarchiver.config;

import java.util.Objects;

/**
 * Where PostgreSQL is: a {@code jdbc:postgresql://} URL and the credentials to pass to the driver or pool. Read from
 * the environment by {@link DatabaseConfigReader}; {@link org.creatorarchiver.db.Database#start} and {@link
 * org.creatorarchiver.db.DataSources} connect with it. Neither {@link #toString()} nor an error built from it shows
 * the password.
 *
 * @param user     may be null when the URL or the server decides
 * @param password empty (or null) for trust or peer authentication
 */
public record DatabaseConfig(String jdbcUrl, String user, Secret password) {

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "database URL is missing");
    }

    /** The JDBC URL with any {@code password=} parameter masked, for logs. */
    public String maskedJdbcUrl() {
        return Display.maskUrl(jdbcUrl);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + maskedJdbcUrl() + ", user=" + user + ", password=" + password + "]";
    }
}
