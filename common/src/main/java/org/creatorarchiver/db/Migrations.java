package org.creatorarchiver.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * Brings the schema to the version this build expects, with the Flyway scripts in {@value #LOCATION}.
 * Every process runs it at start-up: Flyway's lock lets one of several processes starting together apply the
 * scripts while the others wait and then find nothing left to do.
 */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /**
     * @param databaseLabel names the database in error messages; give the redacted URL, never the raw one
     * @throws DatabaseException when a script fails or none is found; one line naming {@code databaseLabel}
     */
    public static MigrationReport migrate(DataSource dataSource, String databaseLabel) {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations(LOCATION)
                .validateMigrationNaming(true)
                .load();
        return migrate(flyway, databaseLabel);
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
            throw new DatabaseException("database migration failed (" + databaseLabel + "): no migration found in "
                    + String.join(", ", locations(flyway)), null);
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
