package org.creatorarchiver.patreon.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.testing.patreon.PatreonSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading Patreon's JSON:API envelopes tolerantly, and refusing with a clear message what cannot be read. */
class JsonApiDocumentTest {

    private static final String SOURCE = "https://www.patreon.com/api/posts?filter%5Bcampaign_id%5D=4815162";

    @Test
    void joinsIncludedResourcesByTypeAndIdKeepingSameIdsOfOtherTypesApart() throws Exception {
        JsonApiDocument page = parse(PatreonSamples.text("posts-page-1.json"));
        JsonApiResource videoPost = post(page, "150000004");

        // The sample's video and its insights share the id 216581623: only (type, id) tells them apart.
        JsonApiResource media = page.related(videoPost, "media").getFirst();
        JsonApiResource insights =
                page.related(videoPost, "native_video_insights").getFirst();

        assertThat(media.key()).isEqualTo(new ResourceKey("media", "216581623"));
        assertThat(media.text("file_name")).contains("skyforge_ep12_extended_final.mp4");
        assertThat(insights.key()).isEqualTo(new ResourceKey("native_video_insights", "216581623"));
        assertThat(JsonApiResource.number(insights.attribute("video_duration"))).hasValue(1653.852);
        assertThat(page.included(new ResourceKey("media", "216581623"))).contains(media);
        assertThat(page.included(new ResourceKey("post", "216581623"))).isEmpty();
    }

    @Test
    void relationshipsReadInTheirOrderAndSkipIdentifiersThatAreNotIncluded() throws Exception {
        JsonApiDocument page = parse("""
                {"data": {"id": "1", "type": "post", "relationships": {
                   "images": {"data": [{"id": "12", "type": "media"}, {"id": "404", "type": "media"},
                                       {"id": "11", "type": "media"}]},
                   "audio": {"data": null},
                   "campaign": {"data": {"id": "7", "type": "campaign"}}}},
                 "included": [{"id": "11", "type": "media"}, {"id": "12", "type": "media"},
                              {"id": "7", "type": "campaign"}]}
                """);
        JsonApiResource post = page.data().getFirst();

        assertThat(page.related(post, "images")).extracting(JsonApiResource::id).containsExactly("12", "11");
        assertThat(page.related(post, "audio")).isEmpty();
        assertThat(page.related(post, "no_such_relationship")).isEmpty();
        assertThat(page.related(post, "campaign"))
                .extracting(JsonApiResource::id)
                .containsExactly("7");
        assertThat(page.allRelated(post))
                .extracting(r -> r.key().toString())
                .containsExactly("media/12", "media/11", "campaign/7");
    }

    @Test
    void aDocumentWithoutIncludedIsReadWithItsRelationshipsDangling() throws Exception {
        JsonApiDocument page = parse("""
                {"data": [{"id": "1", "type": "post", "attributes": {"title": "Hello"},
                           "relationships": {"media": {"data": [{"id": "9", "type": "media"}]}}}]}
                """);
        JsonApiResource post = page.data().getFirst();

        assertThat(post.text("title")).contains("Hello");
        assertThat(post.relatedKeys("media")).containsExactly(new ResourceKey("media", "9"));
        assertThat(page.related(post, "media")).isEmpty();
        assertThat(page.allRelated(post)).isEmpty();
    }

    @Test
    void unknownResourceTypesAndAttributesAreCarriedButIgnored() throws Exception {
        JsonApiDocument page = parse("""
                {"data": [{"id": "1", "type": "post", "attributes": {"title": "Hi", "hologram_mode": {"x": 1}},
                           "relationships": {"drop": {"data": {"id": "5", "type": "drop"}}}},
                          {"id": "2", "type": "teleporter", "attributes": {}}],
                 "included": [{"id": "5", "type": "drop", "attributes": {"scheduled_for": null}}],
                 "surprise": true}
                """);

        assertThat(page.data()).extracting(JsonApiResource::type).containsExactly("post", "teleporter");
        JsonApiResource post = page.data().getFirst();
        assertThat(post.text("title")).contains("Hi");
        assertThat(post.text("hologram_mode")).isEmpty();
        assertThat(post.text("not_sent")).isEmpty();
        assertThat(page.related(post, "drop")).extracting(JsonApiResource::type).containsExactly("drop");
    }

    @Test
    void dataMayBeOneObjectAnArrayOrNull() throws Exception {
        assertThat(parse("{\"data\": {\"id\": \"1\", \"type\": \"post\"}}").data())
                .extracting(JsonApiResource::id)
                .containsExactly("1");
        assertThat(parse("{\"data\": [{\"id\": \"1\", \"type\": \"post\"}, {\"id\": 2, \"type\": \"post\"}]}")
                        .data())
                .extracting(JsonApiResource::id)
                .containsExactly("1", "2");
        assertThat(parse("{\"data\": []}").data()).isEmpty();
        assertThat(parse("{\"data\": null}").data()).isEmpty();
    }

    @Test
    void theNextLinkIsTheLinksNextUrl() throws Exception {
        JsonApiDocument first = parse(PatreonSamples.text("posts-page-1.json"));

        assertThat(first.nextLink())
                .hasValueSatisfying(
                        next -> assertThat(next)
                                .startsWith("https://www.patreon.com/api/posts?")
                                .contains(
                                        "page%5Bcursor%5D=03%3AeyJ2IjoxLCJjIjoiMTUwMDAwMDA0IiwidCI6IiJ9%3AHq3xQp0fakeSig_92aZkLm"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"data\": []}",
                "{\"data\": [], \"links\": {}}",
                "{\"data\": [], \"links\": null}",
                "{\"data\": [], \"links\": {\"next\": null}}",
                "{\"data\": [], \"links\": {\"next\": \"\"}}",
                "{\"data\": [], \"links\": {\"next\": \"  \"}}",
            })
    void aPageWithoutAUsableNextLinkIsTheLast(String body) throws Exception {
        assertThat(parse(body).nextLink()).isEmpty();
    }

    @Test
    void theLastSamplePageHasNoNextLink() throws Exception {
        assertThat(parse(PatreonSamples.text("posts-page-2-last.json")).nextLink())
                .isEmpty();
    }

    @Test
    void metaIsOptional() throws Exception {
        assertThat(parse(PatreonSamples.text("posts-page-1.json")).total()).hasValue(7);
        assertThat(parse("{\"data\": []}").total()).isEmpty();
        assertThat(parse("{\"data\": [], \"meta\": {\"pagination\": {\"total\": null}}}")
                        .total())
                .isEmpty();
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                arguments("an HTML page", "<!DOCTYPE html><html><body>Oops</body></html>", "not JSON"),
                arguments("an empty body", "", "expected a JSON:API object, got nothing"),
                arguments(
                        "JSON cut off",
                        "{\"data\": [{\"id\": \"1\", \"type\": \"post\", \"attributes\": {\"title\": \"cut",
                        "not JSON"),
                arguments(
                        "an array root",
                        "[{\"id\": \"1\", \"type\": \"post\"}]",
                        "expected a JSON:API object, got array"),
                arguments("no data member", "{\"meta\": {\"pagination\": {\"total\": 3}}}", "no \"data\" member"),
                arguments(
                        "an errors document",
                        PatreonSamples.text("error-404.json"),
                        "an error document (This resource does not exist.)"),
                arguments("data of the wrong type", "{\"data\": \"posts\"}", "\"data\" is string"),
                arguments(
                        "a resource without id",
                        "{\"data\": [{\"type\": \"post\", \"attributes\": {}}]}",
                        "data[0] has no type or id"),
                arguments("a resource without type", "{\"data\": {\"id\": \"1\"}}", "data has no type or id"),
                arguments(
                        "an included resource without id",
                        "{\"data\": [], \"included\": [{\"id\": \"1\", \"type\": \"media\"}, {\"type\": \"media\"}]}",
                        "included[1] has no type or id"),
                arguments(
                        "included that is not a list",
                        "{\"data\": [], \"included\": {\"id\": \"1\"}}",
                        "\"included\" is object"),
                arguments(
                        "a data item that is not an object",
                        "{\"data\": [{\"id\": \"1\", \"type\": \"post\"}, 42]}",
                        "data[1] is number 42, expected a resource object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void anUnreadableBodyIsMalformedNamingTheUrlAndTheProblem(String what, String body, String problem) {
        assertThatThrownBy(() -> JsonApiDocument.parse(body, SOURCE))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageStartingWith("malformed response from " + SOURCE + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void notJsonSaysWhereTheParserStopped() {
        assertThatThrownBy(() -> JsonApiDocument.parse("{\"data\": [}", SOURCE))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("at line 1, column 11");
    }

    private static JsonApiDocument parse(String body) throws MalformedResponseException {
        return JsonApiDocument.parse(body, SOURCE);
    }

    private static JsonApiResource post(JsonApiDocument page, String id) {
        return page.data().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
