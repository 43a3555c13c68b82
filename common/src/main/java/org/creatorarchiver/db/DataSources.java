package org.creatorarchiver.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.creatorarchiver.config.DatabaseConfig;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Connections to PostgreSQL: a pool for a long-running process, a single connection for a short command. Every
 * error names the database by its {@link #label} and never shows the password.
 */
public final class DataSources {

    private DataSources() {}

    /**
     * Opens a HikariCP pool and checks that one connection can be made, so that a wrong URL or an absent
     * server stops the process at start-up rather than at its first job.
     *
     * @param poolName names the pool's threads and log lines, e.g. the process role
     * @param poolSize the most connections this process holds
     * @throws DatabaseException when PostgreSQL cannot be reached; the message names the redacted URL
     */
    public static HikariDataSource pool(DatabaseConfig database, String poolName, int poolSize) {
        HikariConfig config = hikariConfig(database, poolName, poolSize);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            // Hikari's wrapper only says "Failed to initialize pool"; the driver's error is the news.
            throw connectFailure(database, e.getCause() != null ? e.getCause() : e);
        } catch (RuntimeException e) {
            throw connectFailure(database, e);
        }
    }

    /**
     * One plain connection, for a short-lived command that runs a few queries: no pool and its threads to start.
     *
     * @param name what the server shows as the connection's application, e.g. the process role
     * @throws DatabaseException when PostgreSQL cannot be reached; the message names the redacted URL
     */
    public static Connection connection(DatabaseConfig database, String name) {
        check(database, name, 1);
        Properties properties = new Properties();
        if (database.user() != null) {
            properties.setProperty("user", database.user());
        }
        if (password(database) != null) {
            properties.setProperty("password", password(database));
        }
        properties.setProperty("ApplicationName", name);
        try {
            return new Driver().connect(database.jdbcUrl(), properties);
        } catch (SQLException | RuntimeException e) {
            throw connectFailure(database, e);
        }
    }

    /** A data source that opens a new connection each time, for work that needs one briefly (a migration). */
    public static DataSource unpooled(DatabaseConfig database, String name) {
        check(database, name, 1);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.user());
        dataSource.setPassword(password(database));
        dataSource.setApplicationName(name);
        return dataSource;
    }

    /** The URL as it may be logged or put in an error: user info and password parameters masked. */
    public static String label(DatabaseConfig database) {
        return Redaction.redactUrl(database.jdbcUrl());
    }

    /** Removes this database's secrets from a message. */
    static Redaction redaction(DatabaseConfig database) {
        return new Redaction(password(database));
    }

    private static HikariConfig hikariConfig(DatabaseConfig database, String poolName, int poolSize) {
        check(database, poolName, poolSize);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(password(database));
        config.setMaximumPoolSize(poolSize);
        config.setPoolName(poolName);
        return config;
    }

    private static void check(DatabaseConfig database, String name, int connections) {
        if (!database.jdbcUrl().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "database URL must start with jdbc:postgresql: (got " + label(database) + ")");
        }
        if (connections < 1) {
            throw new IllegalArgumentException("database pool size must be at least 1 (got " + connections + ")");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("database pool name is missing");
        }
    }

    /** What the driver is given: null for no password (trust or peer authentication). */
    private static String password(DatabaseConfig database) {
        return database.password() == null || database.password().isEmpty()
                ? null
                : database.password().reveal();
    }

    private static DatabaseException connectFailure(DatabaseConfig database, Throwable failure) {
        String action = database.user() == null
                ? "cannot connect to PostgreSQL"
                : "cannot connect to PostgreSQL as " + database.user();
        return DatabaseException.of(action, label(database), failure, redaction(database));
    }
}
