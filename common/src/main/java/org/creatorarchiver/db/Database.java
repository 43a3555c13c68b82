package org.creatorarchiver.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import javax.sql.DataSource;
import org.creatorarchiver.config.DatabaseConfig;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A process's handle on PostgreSQL: a connection pool, a schema migrated to this build's version, and jOOQ.
 * <pre>{@code
 * try (Database db = Database.start(config.database(), "worker-phase1", 10)) {
 *     db.dsl().selectFrom(Tables.SOURCES).fetch();
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {

    static {
        quietJooq();
    }

    private final HikariDataSource dataSource;
    private final MigrationReport migration;
    private final DSLContext dsl;

    private Database(HikariDataSource dataSource, MigrationReport migration) {
        this.dataSource = dataSource;
        this.migration = migration;
        this.dsl = dsl(dataSource);
    }

    /**
     * Opens the pool, migrates the schema and returns the ready database.
     *
     * @param poolName names the pool's threads and log lines, e.g. the process role
     * @param poolSize the most connections this process holds
     *
     * @throws DatabaseException when PostgreSQL cannot be reached or a migration fails (the pool is closed again)
     */
    public static Database start(DatabaseConfig database, String poolName, int poolSize) {
        HikariDataSource dataSource = DataSources.pool(database, poolName, poolSize);
        try {
            return new Database(dataSource, Migrations.migrate(dataSource, DataSources.label(database)));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** A jOOQ context for PostgreSQL over any data source (e.g. a test's). */
    public static DSLContext dsl(DataSource dataSource) {
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /** A jOOQ context for PostgreSQL on one connection (a short command's). */
    public static DSLContext dsl(Connection connection) {
        return DSL.using(connection, SQLDialect.POSTGRES);
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** What the start-up migration did. */
    public MigrationReport migration() {
        return migration;
    }

    /** Closes the pool; idempotent. */
    @Override
    public void close() {
        dataSource.close();
    }

    /** jOOQ prints a banner and tips on first use unless told otherwise; an explicit setting wins. */
    private static void quietJooq() {
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }
}
