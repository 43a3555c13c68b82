package org.creatorarchiver.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.creatorarchiver.config.DatabaseConfig;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static final List<String> DESIGN_TABLES = List.of(
            "collection_posts",
            "collections",
            "media_files",
            "post_media",
            "posts",
            "sources",
            "video_subtitles",
            "videos");

    @AfterAll
    static void leaveTheSchemaMigrated() {
        TestDatabase.migrated();
    }

    @Test
    void appliesEveryMigrationToAnEmptyDatabase() throws Exception {
        TestDatabase.dropSchema();

        MigrationReport report = Migrations.migrate(TestServices.dataSource(), TestDatabase.label());

        assertThat(report.applied()).isEqualTo(migrationScripts().size()).isPositive();
        assertThat(report.schemaVersion()).isEqualTo(latestScriptVersion());
        assertThat(publicTables()).containsAll(DESIGN_TABLES).contains("flyway_schema_history");
    }

    @Test
    void theLatestVersionACommandChecksIsTheNewestScript() throws Exception {
        assertThat(String.valueOf(Migrations.LATEST_VERSION)).isEqualTo(latestScriptVersion());
    }

    @Test
    void aCommandSeesWhetherTheSchemaIsCurrentWithOneQuery() throws Exception {
        TestDatabase.dropSchema();
        try (var connection = TestServices.dataSource().getConnection()) {
            assertThat(Migrations.isCurrent(connection)).as("never migrated").isFalse();

            Migrations.migrate(TestServices.dataSource(), TestDatabase.label());

            assertThat(Migrations.isCurrent(connection)).isTrue();
        }
    }

    @Test
    void migratingAgainAppliesNothing() {
        MigrationReport first = Migrations.migrate(TestServices.dataSource(), TestDatabase.label());

        MigrationReport second = Migrations.migrate(TestServices.dataSource(), TestDatabase.label());

        assertThat(second.applied()).isZero();
        assertThat(second.schemaVersion()).isEqualTo(first.schemaVersion());
    }

    @Test
    void twoProcessesMigratingAnEmptyDatabaseAtOnceBothSucceed() throws Exception {
        TestDatabase.dropSchema();
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<MigrationReport> process = () -> {
            try (var pool = DataSources.pool(database(), "migrator", 2)) {
                start.await();
                return Migrations.migrate(pool, TestDatabase.label());
            }
        };

        List<MigrationReport> reports;
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<MigrationReport>> running = List.of(threads.submit(process), threads.submit(process));
            reports = List.of(running.get(0).get(), running.get(1).get());
        }

        assertThat(reports)
                .extracting(MigrationReport::applied)
                .containsExactlyInAnyOrder(migrationScripts().size(), 0);
        assertThat(dsl().fetchCount(dsl().selectFrom("flyway_schema_history").where("success")))
                .isEqualTo(migrationScripts().size());
    }

    @Test
    void startingTheDatabaseMigratesAndGivesJooq() {
        try (Database database = Database.start(database(), "start-test", 2)) {
            assertThat(database.migration().applied()).isZero();
            assertThat(database.dsl().fetchValue("select current_database()")).isNotNull();
        }
    }

    @Test
    void aFailingMigrationIsReportedInOneLineNamingTheDatabase() {
        String schema = "migrations_test_failing";
        Flyway failing = Flyway.configure()
                .dataSource(TestServices.dataSource())
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/failing")
                .load();
        try {
            DatabaseException error = catchDatabaseException(() -> Migrations.migrate(failing, "the-label"));

            assertThat(error.getMessage())
                    .startsWith("database migration failed (the-label): ")
                    .contains("V1__broken.sql")
                    .contains("relation \"broken\" already exists")
                    .doesNotContain("\n");
        } finally {
            dsl().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static DatabaseConfig database() {
        return TestDatabase.config();
    }

    private static DatabaseException catchDatabaseException(Runnable action) {
        try {
            action.run();
        } catch (DatabaseException e) {
            return e;
        }
        throw new AssertionError("expected a DatabaseException");
    }

    private static DSLContext dsl() {
        return Database.dsl(TestServices.dataSource());
    }

    private static List<String> publicTables() {
        return dsl().fetch("select table_name from information_schema.tables where table_schema = 'public'")
                .getValues(0, String.class);
    }

    private static String latestScriptVersion() throws IOException, URISyntaxException {
        return migrationScripts().stream()
                .map(script -> script.getFileName().toString().replaceFirst("^V(.+?)__.*", "$1"))
                .map(MigrationVersion::fromVersion)
                .max(MigrationVersion::compareTo)
                .orElseThrow()
                .getVersion();
    }

    /** The V*.sql scripts the build ships, as Flyway finds them on the class path. */
    private static List<Path> migrationScripts() throws IOException, URISyntaxException {
        Path folder = Path.of(MigrationsTest.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql"))
                    .toList();
        }
    }
}
