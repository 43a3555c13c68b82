package org.creatorarchiver.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.creatorarchiver.config.DatabaseConfig;
import org.creatorarchiver.config.Secret;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.Test;

class DataSourcesTest {

    private static final String PASSWORD = "settings-secret-7f3a";
    private static final String URL_PASSWORD = "url-secret-91c2";

    @Test
    void anUnreachableServerIsReportedInOneLineWithoutSecrets() {
        var database = new DatabaseConfig(
                "jdbc:postgresql://127.0.0.1:1/archive?password=" + URL_PASSWORD + "&connectTimeout=2",
                "archiver",
                Secret.of(PASSWORD));

        DatabaseException error = connectFailure(database, 2);

        assertThat(error.getMessage())
                .startsWith(
                        "cannot connect to PostgreSQL as archiver (jdbc:postgresql://127.0.0.1:1/archive?password=***&connectTimeout=2): ")
                .contains("Connection to 127.0.0.1:1 refused")
                .doesNotContain("\n");
        assertThat(fullTrace(error)).doesNotContain(URL_PASSWORD).doesNotContain(PASSWORD);
    }

    @Test
    void aMissingDatabaseIsNamedByTheServer() {
        TestServices.Postgres pg = TestServices.postgres();
        String url = pg.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1no_such_archive_db");
        var database = new DatabaseConfig(url, pg.user(), Secret.of(PASSWORD));

        DatabaseException error = connectFailure(database, 1);

        assertThat(error.getMessage())
                .contains("database \"no_such_archive_db\" does not exist")
                .doesNotContain("\n");
        assertThat(fullTrace(error)).doesNotContain(PASSWORD);
    }

    @Test
    void startingOnAnUnreachableServerFailsLikeThePool() {
        var database = new DatabaseConfig("jdbc:postgresql://127.0.0.1:1/archive", "archiver", Secret.of(PASSWORD));

        assertThatThrownBy(() -> Database.start(database, "start", 1))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith(
                        "cannot connect to PostgreSQL as archiver (jdbc:postgresql://127.0.0.1:1/archive): ");
    }

    @Test
    void neitherTheConfigNorItsLabelShowThePassword() {
        var database = new DatabaseConfig(
                "jdbc:postgresql://db:5432/archive?user=a&password=" + URL_PASSWORD, "archiver", Secret.of(PASSWORD));

        assertThat(DataSources.label(database)).isEqualTo("jdbc:postgresql://db:5432/archive?user=a&password=***");
        assertThat(database.toString())
                .contains("jdbc:postgresql://db:5432/archive?user=a&password=***")
                .doesNotContain(PASSWORD)
                .doesNotContain(URL_PASSWORD);
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        var notJdbc = new DatabaseConfig("postgresql://u:" + PASSWORD + "@db/archive", "u", null);
        var database = new DatabaseConfig("jdbc:postgresql://db/archive", "u", null);

        assertThatThrownBy(() -> DataSources.pool(notJdbc, "p", 4))
                .hasMessage("database URL must start with jdbc:postgresql: (got postgresql://u:***@db/archive)");
        assertThatThrownBy(() -> DataSources.connection(notJdbc, "p"))
                .hasMessage("database URL must start with jdbc:postgresql: (got postgresql://u:***@db/archive)");
        assertThatThrownBy(() -> DataSources.pool(database, "p", 0))
                .hasMessage("database pool size must be at least 1 (got 0)");
        assertThatThrownBy(() -> DataSources.unpooled(database, " ")).hasMessage("database pool name is missing");
    }

    private static DatabaseException connectFailure(DatabaseConfig database, int poolSize) {
        try (var ignored = DataSources.pool(database, "unreachable", poolSize)) {
            throw new AssertionError("expected the connection to fail");
        } catch (DatabaseException e) {
            return e;
        }
    }

    private static String fullTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
