package org.creatorarchiver.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/** Connections to PostgreSQL: a pool for a long-running process, a single connection for a short command. */
public final class DataSources {

    private DataSources() {}

    /**
     * Opens a HikariCP pool and checks that one connection can be made, so that a wrong URL or an absent
     * server stops the process at start-up rather than at its first job.
     *
     * @throws DatabaseException when PostgreSQL cannot be reached; the message names the redacted URL
     */
    public static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName(settings.poolName());
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            // Hikari's wrapper only says "Failed to initialize pool"; the driver's error is the news.
            throw connectFailure(settings, e.getCause() != null ? e.getCause() : e);
        } catch (RuntimeException e) {
            throw connectFailure(settings, e);
        }
    }

    /**
     * One plain connection, for a short-lived command that runs a few queries: no pool and its threads to start.
     *
     * @throws DatabaseException when PostgreSQL cannot be reached; the message names the redacted URL
     */
    public static Connection connection(DatabaseSettings settings) {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", settings.poolName());
        try {
            return new Driver().connect(settings.jdbcUrl(), properties);
        } catch (SQLException | RuntimeException e) {
            throw connectFailure(settings, e);
        }
    }

    /** A data source that opens a new connection each time, for work that needs one briefly (a migration). */
    public static DataSource unpooled(DatabaseSettings settings) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(settings.jdbcUrl());
        dataSource.setUser(settings.user());
        dataSource.setPassword(settings.password());
        dataSource.setApplicationName(settings.poolName());
        return dataSource;
    }

    private static DatabaseException connectFailure(DatabaseSettings settings, Throwable failure) {
        String action = settings.user() == null
                ? "cannot connect to PostgreSQL"
                : "cannot connect to PostgreSQL as " + settings.user();
        return DatabaseException.of(action, settings.redactedUrl(), failure, settings.redaction());
    }
}
