package org.creatorarchiver.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/** Connection pools on PostgreSQL. */
public final class DataSources {

    private DataSources() {
    }

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

    private static DatabaseException connectFailure(DatabaseSettings settings, Throwable failure) {
        String action = settings.user() == null
                ? "cannot connect to PostgreSQL"
                : "cannot connect to PostgreSQL as " + settings.user();
        return DatabaseException.of(action, settings.redactedUrl(), failure, settings.redaction());
    }
}
