package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.time.OffsetDateTime;
import java.util.List;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourcesCommandTest {

    private final ArchiveRows rows = new ArchiveRows();

    @BeforeEach
    void emptyArchive() {
        TestDatabase.migrated();
        TestDatabase.truncateAll();
        TestServices.flushRedis();
    }

    @Test
    void listShowsEachSourceWithItsLimitOrTheDefaultAndItsSyncs() {
        long synced = rows.source("skyforge");
        rows.dsl()
                .update(SOURCES)
                .set(SOURCES.EXTERNAL_ID, "791478")
                .set(SOURCES.NAME, "Sky Forge")
                .set(SOURCES.STATUS, SourceStatus.active)
                .set(SOURCES.MAX_VIDEO_DURATION_SECONDS, 3600)
                .set(SOURCES.LAST_SYNCED_AT, OffsetDateTime.parse("2026-11-20T10:00:00Z"))
                .where(SOURCES.ID.eq(synced))
                .execute();
        long failed = rows.source("gone");
        rows.dsl()
                .update(SOURCES)
                .set(SOURCES.STATUS, SourceStatus.not_found)
                .set(SOURCES.LAST_ERROR, "creator gone: 404")
                .where(SOURCES.ID.eq(failed))
                .execute();

        CommandRun run = CommandRun.of("sources", "list");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("vanity", "campaign", "status", "limit", "last error");
        assertThat(lines.get(1))
                .startsWith(Long.toString(synced))
                .contains("skyforge", "791478", "Sky Forge", "active", "3600", "2026-11-20T10:00:00Z", "never");
        assertThat(lines.get(2))
                .startsWith(Long.toString(failed))
                .contains("gone", "not_found", "default (2159)", "never", "creator gone: 404");
    }

    @Test
    void setLimitByVanityThenBackToDefaultById() {
        long source = rows.source("skyforge");

        CommandRun set = CommandRun.of("sources", "set-limit", "skyforge", "3600");
        assertThat(set.exitCode()).isZero();
        assertThat(set.out()).contains("source " + source + " (skyforge): video limit 3600 s");
        assertThat(limitOf(source)).isEqualTo(3600);

        CommandRun reset = CommandRun.of("sources", "set-limit", Long.toString(source), "default");
        assertThat(reset.exitCode()).isZero();
        assertThat(reset.out()).contains("video limit default (2159 s)");
        assertThat(limitOf(source)).isNull();
    }

    @Test
    void setLimitRefusesALimitOutOfRangeAndAnUnknownSource() {
        long source = rows.source("skyforge");
        for (String bad : new String[] {"59", "7201", "an hour"}) {
            CommandRun run = CommandRun.of("sources", "set-limit", "skyforge", bad);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err())
                    .contains(
                            "'" + bad + "' is not a limit: expected whole seconds from 60 to 7200," + " or 'default'");
        }
        assertThat(limitOf(source)).isNull();

        CommandRun unknown = CommandRun.of("sources", "set-limit", "nobody", "600");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no source with id or vanity 'nobody'");
    }

    @Test
    void sourcesWithoutASubcommandIsAUsageError() {
        CommandRun run = CommandRun.of("sources");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing command");
    }

    private Integer limitOf(long source) {
        return rows.dsl().fetchValue(SOURCES.MAX_VIDEO_DURATION_SECONDS, SOURCES.ID.eq(source));
    }
}
