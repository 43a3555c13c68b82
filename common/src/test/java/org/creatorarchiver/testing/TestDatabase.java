package org.creatorarchiver.testing;

import javax.sql.DataSource;
import org.creatorarchiver.config.DatabaseConfig;
import org.creatorarchiver.config.Secret;
import org.creatorarchiver.db.DataSources;
import org.creatorarchiver.db.Database;
import org.creatorarchiver.db.Migrations;
import org.creatorarchiver.db.generated.DefaultSchema;
import org.jooq.DSLContext;

/**
 * The test PostgreSQL with the production migrations applied, shared by every test of a JVM.
 * Tests start from a clean slate with {@link #truncateAll()} (per class or per test, as they need).
 * <pre>{@code
 * DSLContext db = TestDatabase.migrated();
 * TestDatabase.truncateAll();
 * }</pre>
 */
public final class TestDatabase {

    private static boolean migrated;

    private TestDatabase() {}

    /** jOOQ on the test database, migrated to this build's schema (once per JVM). */
    public static synchronized DSLContext migrated() {
        if (!migrated) {
            Migrations.migrate(TestServices.dataSource(), label());
            migrated = true;
        }
        return Database.dsl(TestServices.dataSource());
    }

    /** The pooled test data source, migrated. */
    public static DataSource dataSource() {
        migrated();
        return TestServices.dataSource();
    }

    /** Empties every application table and restarts its ids; the migration history stays. */
    public static void truncateAll() {
        migrated()
                .truncate(DefaultSchema.DEFAULT_SCHEMA.getTables())
                .restartIdentity()
                .cascade()
                .execute();
    }

    /** Drops everything in schema {@code public}, migrations included, for tests of the migrations themselves. */
    public static synchronized void dropSchema() {
        DSLContext dsl = Database.dsl(TestServices.dataSource());
        dsl.execute("DROP SCHEMA public CASCADE");
        dsl.execute("CREATE SCHEMA public");
        migrated = false;
    }

    /** Where the test database is, as a process would be configured to reach it. */
    public static DatabaseConfig config() {
        TestServices.Postgres pg = TestServices.postgres();
        return new DatabaseConfig(pg.jdbcUrl(), pg.user(), Secret.of(pg.password() == null ? "" : pg.password()));
    }

    /** Names the test database in messages: its URL with any secret masked. */
    public static String label() {
        return DataSources.label(config());
    }
}
