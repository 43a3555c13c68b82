package org.creatorarchiver.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import org.creatorarchiver.db.generated.DefaultSchema;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void truncateAllEmptiesEveryTableAndRestartsIds() {
        DSLContext db = TestDatabase.migrated();
        long sourceId = db.insertInto(SOURCES, SOURCES.VANITY)
                .values("a")
                .returning(SOURCES.ID)
                .fetchSingle()
                .getId();
        db.insertInto(POSTS, POSTS.SOURCE_ID, POSTS.EXTERNAL_ID)
                .values(sourceId, "1")
                .execute();

        TestDatabase.truncateAll();

        assertThat(DefaultSchema.DEFAULT_SCHEMA.getTables())
                .hasSize(13)
                .allSatisfy(table ->
                        assertThat(db.fetchCount(table)).as(table.getName()).isZero());
        assertThat(db.insertInto(SOURCES, SOURCES.VANITY)
                        .values("b")
                        .returning(SOURCES.ID)
                        .fetchSingle()
                        .getId())
                .isEqualTo(1L);
    }
}
