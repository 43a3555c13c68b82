package org.creatorarchiver.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.EnumType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The status and kind values are a contract (docs/ARCHITECTURE.md "Tables"): these lists are typed from it, in its
 * order.
 */
class EnumValuesTest {

    static Stream<Arguments> designEnums() {
        return Stream.of(
                arguments(
                        "sources",
                        "status",
                        "source_status",
                        SourceStatus.class,
                        "pending|active|not_found|unauthorized|blocked|failed"),
                arguments(
                        "posts",
                        "status",
                        "post_status",
                        PostStatus.class,
                        "discovered|queued|processing|completed|failed"),
                arguments(
                        "post_media",
                        "kind",
                        "post_media_kind",
                        PostMediaKind.class,
                        "image|audio|video|attachment|embed"),
                arguments(
                        "post_media",
                        "status",
                        "post_media_status",
                        PostMediaStatus.class,
                        "url_only|queued|downloaded|view_on_patreon|embedded|skipped|failed"),
                arguments("videos", "provider", "video_provider", VideoProvider.class, "patreon|youtube|vimeo"),
                arguments(
                        "videos",
                        "status",
                        "video_status",
                        VideoStatus.class,
                        "pending|queued|processing|completed|embedded|view_on_patreon|skipped|failed"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("designEnums")
    void postgresHoldsExactlyTheDesignValues(
            String table, String column, String type, Class<? extends EnumType> generated, String design) {
        List<String> expected = List.of(design.split("\\|"));

        List<String> inPostgres =
                TestDatabase.migrated().fetch("""
                        select e.enumlabel
                          from information_schema.columns c
                          join pg_type t on t.typname = c.udt_name
                          join pg_enum e on e.enumtypid = t.oid
                         where c.table_schema = 'public' and c.table_name = ? and c.column_name = ?
                         order by e.enumsortorder""", table, column).getValues(0, String.class);

        assertThat(inPostgres).as("pg_enum values of %s.%s", table, column).isEqualTo(expected);
        assertThat(Arrays.stream(generated.getEnumConstants())
                        .map(EnumType::getLiteral)
                        .toList())
                .as("jOOQ enum %s", generated.getSimpleName())
                .isEqualTo(expected);
        assertThat(generated.getEnumConstants()[0].getName()).isEqualTo(type);
    }
}
