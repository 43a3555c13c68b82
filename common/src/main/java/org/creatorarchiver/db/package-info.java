/**
 * PostgreSQL for every process: {@link org.creatorarchiver.db.Database#start} opens a pool, applies the Flyway
 * scripts in {@code db/migration} and hands out jOOQ. The jOOQ classes in {@code org.creatorarchiver.db.generated}
 * are generated at build time from those same scripts.
 *
 * <p>Handlers are idempotent through the schema's unique keys (use them as {@code ON CONFLICT} targets), and
 * {@code media_files.reference_count} is kept by database triggers: code never adjusts it, it only deletes a file
 * (row and bytes) once the count is 0.
 */
package org.creatorarchiver.db;
