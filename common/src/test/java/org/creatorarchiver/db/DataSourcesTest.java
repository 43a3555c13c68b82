package org.creatorarchiver.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.Test;

class DataSourcesTest {

    private static final String PASSWORD = "settings-secret-7f3a";
    private static final String URL_PASSWORD = "url-secret-91c2";

    @Test
    void anUnreachableServerIsReportedInOneLineWithoutSecrets() {
        var settings = new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:1/archive?password=" + URL_PASSWORD + "&connectTimeout=2",
                "archiver",
                PASSWORD,
                2,
                "unreachable");

        DatabaseException error = connectFailure(settings);

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
        var settings = new DatabaseSettings(url, pg.user(), PASSWORD, 1, "missing-db");

        DatabaseException error = connectFailure(settings);

        assertThat(error.getMessage())
                .contains("database \"no_such_archive_db\" does not exist")
                .doesNotContain("\n");
        assertThat(fullTrace(error)).doesNotContain(PASSWORD);
    }

    @Test
    void startingOnAnUnreachableServerFailsLikeThePool() {
        var settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/archive", "archiver", PASSWORD, 1, "start");

        assertThatThrownBy(() -> Database.start(settings))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith(
                        "cannot connect to PostgreSQL as archiver (jdbc:postgresql://127.0.0.1:1/archive): ");
    }

    @Test
    void settingsNeverShowThePassword() {
        var settings = new DatabaseSettings(
                "jdbc:postgresql://db:5432/archive?user=a&password=" + URL_PASSWORD,
                "archiver",
                PASSWORD,
                4,
                "orchestrator");

        assertThat(settings.toString())
                .contains("jdbc:postgresql://db:5432/archive?user=a&password=***")
                .doesNotContain(PASSWORD)
                .doesNotContain(URL_PASSWORD);
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new DatabaseSettings("postgresql://u:" + PASSWORD + "@db/archive", "u", null, 4, "p"))
                .hasMessage("database URL must start with jdbc:postgresql: (got postgresql://u:***@db/archive)");
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://db/archive", "u", null, 0, "p"))
                .hasMessage("database pool size must be at least 1 (got 0)");
    }

    private static DatabaseException connectFailure(DatabaseSettings settings) {
        try (var ignored = DataSources.pool(settings)) {
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
