package org.creatorarchiver.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.creatorarchiver.config.DatabaseConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema to the version this build expects, with the Flyway scripts in {@value #LOCATION}.
 * Every process runs it at start-up: Flyway's lock lets one of several processes starting together apply the
 * scripts while the others wait and then find nothing left to do.
 */
public final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    public static final String LOCATION = "classpath:db/migration";
    /**
     * The version of the newest script in {@value #LOCATION}, so that a command can tell with one query whether the
     * schema is current without loading Flyway; {@code MigrationsTest} fails when a new script does not update it.
     */
    public static final int LATEST_VERSION = 4;

    private static final String UNDEFINED_TABLE = "42P01";

    private Migrations() {}

    /**
     * @param databaseLabel names the database in error messages; give the redacted URL, never the raw one
     * @throws DatabaseException when a script fails or none is found; one line naming {@code databaseLabel}
     */
    public static MigrationReport migrate(DataSource dataSource, String databaseLabel) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .validateMigrationNaming(true)
                .load();
        return migrate(flyway, databaseLabel);
    }

    /**
     * Whether the schema is already at {@link #LATEST_VERSION} (or newer), read with one query on Flyway's history
     * table; false on a database never migrated.
     */
    public static boolean isCurrent(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT max(version::int) FROM flyway_schema_history"
                        + " WHERE success AND version ~ '^[0-9]+$'")) {
            return row.next() && row.getInt(1) >= LATEST_VERSION;
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * For a short command on one connection: migrates (over connections of its own) only when the schema is not
     * current, so that the usual case costs one query and never loads Flyway.
     *
     * @param name what the server shows as the migration's application, e.g. the process role
     * @throws DatabaseException when the version cannot be read or a migration fails; one line naming the database
     */
    public static void migrateIfBehind(Connection connection, DatabaseConfig database, String name) {
        try {
            if (isCurrent(connection)) {
                return;
            }
        } catch (SQLException e) {
            throw DatabaseException.of(
                    "cannot read the schema version", DataSources.label(database), e, DataSources.redaction(database));
        }
        log.info("the schema is behind this build: migrating it first");
        migrate(DataSources.unpooled(database, name), DataSources.label(database));
    }

    static MigrationReport migrate(Flyway flyway, String databaseLabel) {
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (RuntimeException e) {
            throw DatabaseException.of("database migration failed", databaseLabel, e, new Redaction(null));
        }
        // Flyway leaves the target version empty when nothing was applied; the schema then stays where it was.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        if (version == null) {
            throw new DatabaseException(
                    "database migration failed (" + databaseLabel + "): no migration found in "
                            + String.join(", ", locations(flyway)),
                    null);
        }
        return new MigrationReport(result.migrationsExecuted, version);
    }

    private static String[] locations(Flyway flyway) {
        var locations = flyway.getConfiguration().getLocations();
        String[] names = new String[locations.length];
        for (int i = 0; i < locations.length; i++) {
            names[i] = locations[i].getDescriptor();
        }
        return names;
    }
}
