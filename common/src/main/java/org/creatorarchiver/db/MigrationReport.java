package org.creatorarchiver.db;

/**
 * What a migration run did.
 *
 * @param applied       migrations applied by this run (0 when the schema was already current)
 * @param schemaVersion the schema version after the run
 */
public record MigrationReport(int applied, String schemaVersion) {}
