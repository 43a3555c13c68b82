package org.creatorarchiver.config;

/** Where PostgreSQL is: a {@code jdbc:postgresql://} URL and the credentials to pass to the driver or pool. */
public record DatabaseConfig(String jdbcUrl, String user, Secret password) {

    /** The JDBC URL with any {@code password=} parameter masked, for logs. */
    public String maskedJdbcUrl() {
        return Display.maskUrl(jdbcUrl);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + maskedJdbcUrl() + ", user=" + user + ", password=" + password + "]";
    }
}
