package org.creatorarchiver.phase3.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.testing.patreon.PatreonSamples;
import org.junit.jupiter.api.Test;

/** Reading a collection resource: what is kept, when its post ids count as complete, and what is malformed. */
class CollectionResourceTest {

    private static final String SOURCE = "http://127.0.0.1/api/collection/7";

    private static CollectionResource read(String attributesJson) throws MalformedResponseException {
        String json = "{\"data\": {\"id\": \"7\", \"type\": \"collection\", \"attributes\": " + attributesJson + "}}";
        return CollectionResource.of(JsonApiDocument.parse(json, SOURCE).data().getFirst(), SOURCE);
    }

    @Test
    void theSampleCollectionKeepsItsAttributesAndItsPostIdsInOrder() throws Exception {
        CollectionResource collection = CollectionResource.of(
                JsonApiDocument.parse(PatreonSamples.text("collection.json"), SOURCE)
                        .data()
                        .getFirst(),
                SOURCE);

        assertThat(collection.externalId()).isEqualTo("15764301");
        assertThat(collection.attributes().title()).isEqualTo("Behind the Scenes");
        assertThat(collection.attributes().description()).isEqualTo("Process videos and making-of posts.");
        assertThat(collection.attributes().numPosts()).isEqualTo(3);
        assertThat(collection.attributes().thumbnailUrl())
                .startsWith("https://c10.patreonusercontent.com/4/patreon-media/p/campaign/4815162/");
        assertThat(collection.attributes().editedAt()).isEqualTo(Instant.parse("2026-05-02T09:14:55.312Z"));
        assertThat(collection.completePostIds()).contains(List.of("150000004", "150000002", "150000001"));
    }

    @Test
    void postIdsMayBeNumbersOrStringsAndAPostListedTwiceKeepsItsFirstPlace() throws Exception {
        CollectionResource collection = read("{\"num_posts\": 3, \"post_ids\": [12, \"10\", 12, 11]}");

        assertThat(collection.postIds()).contains(List.of("12", "10", "11"));
        assertThat(collection.completePostIds()).isPresent();
    }

    @Test
    void postIdsNameEveryPostOnlyWhenThereAreAtLeastNumPostsOfThem() throws Exception {
        assertThat(read("{\"num_posts\": 3, \"post_ids\": [1, 2]}").completePostIds())
                .isEmpty();
        assertThat(read("{\"num_posts\": 3}").completePostIds()).isEmpty();
        assertThat(read("{\"num_posts\": 3, \"post_ids\": null}").completePostIds())
                .isEmpty();
        assertThat(read("{\"post_ids\": [1, 2]}").completePostIds())
                .as("no count to doubt them")
                .contains(List.of("1", "2"));
        assertThat(read("{\"num_posts\": 0, \"post_ids\": []}").completePostIds())
                .contains(List.of());
    }

    @Test
    void absentAttributesAreUnknownAndEditedAtKeepsMicroseconds() throws Exception {
        CollectionResource collection = read(
                "{\"title\": null, \"thumbnail\": null," + " \"edited_at\": \"2026-05-02T09:14:55.123456789+02:00\"}");

        assertThat(collection.attributes().title()).isNull();
        assertThat(collection.attributes().numPosts()).isNull();
        assertThat(collection.attributes().thumbnailUrl()).isNull();
        assertThat(collection.attributes().editedAt()).isEqualTo(Instant.parse("2026-05-02T07:14:55.123456Z"));
    }

    @Test
    void valuesTheArchiveCannotStoreAreMalformedNamingTheAnswer() {
        for (String attributes : List.of(
                "{\"post_ids\": [\"abc\"]}",
                "{\"post_ids\": [-4]}",
                "{\"post_ids\": [1.5]}",
                "{\"post_ids\": \"1,2\"}",
                "{\"num_posts\": -1}",
                "{\"num_posts\": \"many\"}",
                "{\"edited_at\": \"yesterday\"}")) {
            assertThatThrownBy(() -> read(attributes))
                    .as(attributes)
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageStartingWith("malformed response from " + SOURCE + ": collection 7 ");
        }
    }
}
