package org.creatorarchiver.patreon.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.creatorarchiver.patreon.posts.PostsPageTest.SOURCE;
import static org.creatorarchiver.patreon.posts.PostsPageTest.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What phase 1 stores of each post: read from the sample listing pages. */
class PostSummaryTest {

    @Test
    void aPostOfTheNewEditorKeepsItsVanityUrlAndItsDates() throws Exception {
        PostSummary post = post("posts-page-1.json", "150000006");

        assertThat(post.url()).isEqualTo("https://www.patreon.com/skyforge/posts/studio-update-june-150000006");
        assertThat(post.title()).isEqualTo("Studio update \u2014 June");
        assertThat(post.postType()).isEqualTo("text_only");
        assertThat(post.publishedAt()).isEqualTo(Instant.parse("2026-06-20T16:00:00Z"));
        assertThat(post.editedAt()).isEqualTo(Instant.parse("2026-06-20T16:00:00Z"));
        assertThat(post.locked()).isFalse();
        assertThat(post.teaserText())
                .isEqualTo("Thanks to everyone who joined this month! Episode 13 is rendering now.");
    }

    @Test
    void postTypesAreKeptVerbatimAndUrlsAbsoluteInBothForms() throws Exception {
        List<PostSummary> posts = new ArrayList<>(sample("posts-page-1.json").posts());
        posts.addAll(sample("posts-page-2-last.json").posts());

        assertThat(posts)
                .extracting(PostSummary::postType)
                .containsExactly(
                        "text_only",
                        "video_embed",
                        "video_external_file",
                        "audio_file",
                        "image_file",
                        "video_embed",
                        "image_file");
        assertThat(posts)
                .extracting(PostSummary::url)
                .containsExactly(
                        "https://www.patreon.com/skyforge/posts/studio-update-june-150000006",
                        "https://www.patreon.com/posts/ep-12-public-cut-150000005",
                        "https://www.patreon.com/posts/ep-12-extended-150000004",
                        "https://www.patreon.com/posts/studio-podcast-42-150000003",
                        "https://www.patreon.com/posts/ship-concepts-and-files-150000002",
                        "https://www.patreon.com/posts/timelapse-vimeo-150000001",
                        "https://www.patreon.com/posts/welcome-150000000");
        assertThat(posts).extracting(PostSummary::publishedAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(posts).noneMatch(PostSummary::locked);
    }

    @Test
    void postsTheViewerCannotSeeAreLockedWithTheirTeaser() throws Exception {
        PostsPage page = sample("posts-page-locked-anonymous.json");

        assertThat(page.posts())
                .extracting(PostSummary::externalId, PostSummary::locked, PostSummary::teaserText)
                .containsExactly(
                        tuple("150000004", true, "Extended cut with 6 extra minutes."),
                        tuple("150000002", true, "Two concept sheets and the Blender files."));
    }

    @ParameterizedTest(name = "url {0}, patreon_url {1} -> {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "https://www.patreon.com/posts/a-7, /posts/a-7, https://www.patreon.com/posts/a-7",
                "null, /skyforge/posts/a-7, https://www.patreon.com/skyforge/posts/a-7",
                "/posts/a-7, null, https://www.patreon.com/posts/a-7",
                "skyforge/posts/a-7, null, https://www.patreon.com/skyforge/posts/a-7",
                "null, null, https://www.patreon.com/posts/7",
            })
    void theUrlIsAlwaysAbsoluteOnPatreon(String url, String patreonUrl, String expected) throws Exception {
        ObjectNode attributes = PostsPageTest.JSON.createObjectNode();
        attributes.put("url", url);
        attributes.put("patreon_url", patreonUrl);

        assertThat(single("7", attributes).url()).isEqualTo(expected);
    }

    @Test
    void rawHoldsThePostAndExactlyTheIncludedResourcesItPointsAt() throws Exception {
        PostSummary post = post("posts-page-1.json", "150000004");

        assertThat(post.raw().path("data").path("id").asText()).isEqualTo("150000004");
        assertThat(post.raw().path("data").path("attributes").path("post_type").asText())
                .isEqualTo("video_external_file");
        assertThat(keys(post.raw().path("included")))
                .containsExactlyInAnyOrder(
                        "campaign/4815162",
                        "user/90011223",
                        "access-rule/11110002",
                        "media/216581623",
                        "native_video_insights/216581623",
                        "post_tag/user_defined;video",
                        "post_tag/user_defined;behind the scenes",
                        "collection/15764301");
    }

    @Test
    void rawFollowsRelationshipsOfIncludedResourcesSoThatItStandsAlone() throws Exception {
        // 150000002 is for the $5 tier: its access rule points at the reward, which the page includes.
        PostSummary post = post("posts-page-2-last.json", "150000002");

        assertThat(keys(post.raw().path("included")))
                .contains(
                        "access-rule/11110003",
                        "reward/9876543",
                        "media/700000021",
                        "media/700000022",
                        "media/700000023");
        assertThat(keys(post.raw().path("included"))).doesNotContain("access-rule/11110001", "media/216500777");
        assertThat(keys(post.raw().path("included"))).doesNotHaveDuplicates();
    }

    @Test
    void rawOfAPostWithoutRelationshipsHasAnEmptyIncluded() throws Exception {
        PostSummary post = post("posts-page-sparse-fields.json", "150000005");

        assertThat(post.raw()
                        .path("data")
                        .path("attributes")
                        .path("patreon_url")
                        .asText())
                .isEqualTo("/posts/ep-12-public-cut-150000005");
        assertThat(post.raw().path("included").isArray()).isTrue();
        assertThat(post.raw().path("included")).isEmpty();
    }

    @Test
    void anUnreadablePublishedAtIsMalformedNamingThePost() {
        ObjectNode attributes = PostsPageTest.JSON.createObjectNode().put("published_at", "last Tuesday");

        assertThatThrownBy(() -> single("150000099", attributes))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("malformed response from " + SOURCE
                        + ": post 150000099 has an unreadable published_at 'last Tuesday'");
    }

    @Test
    void anUnreadableEditedAtIsMalformedToo() {
        ObjectNode attributes = PostsPageTest.JSON
                .createObjectNode()
                .put("published_at", "2026-06-20T16:00:00.000+00:00")
                .put("edited_at", "2026-13-01");

        assertThatThrownBy(() -> single("150000098", attributes))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("post 150000098 has an unreadable edited_at '2026-13-01'");
    }

    @Test
    void timestampsInUtcWithZOrAnotherOffsetAreTheSameInstant() throws Exception {
        ObjectNode attributes = PostsPageTest.JSON
                .createObjectNode()
                .put("published_at", "2026-06-20T16:00:00Z")
                .put("edited_at", "2026-06-20T18:30:00.250+02:00");

        PostSummary post = single("1", attributes);

        assertThat(post.publishedAt()).isEqualTo(Instant.parse("2026-06-20T16:00:00Z"));
        assertThat(post.editedAt()).isEqualTo(Instant.parse("2026-06-20T16:30:00.250Z"));
    }

    private static PostSummary post(String sample, String id) throws MalformedResponseException {
        return sample(sample).posts().stream()
                .filter(p -> p.externalId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static PostSummary single(String id, ObjectNode attributes) throws MalformedResponseException {
        ObjectNode body = PostsPageTest.JSON.createObjectNode();
        body.putObject("data").put("id", id).put("type", "post").set("attributes", attributes);
        JsonApiDocument document = JsonApiDocument.parse(body.toString(), SOURCE);
        return PostSummary.of(document, document.data().getFirst(), SOURCE);
    }

    private static List<String> keys(JsonNode included) {
        List<String> keys = new ArrayList<>();
        included.forEach(resource -> keys.add(
                resource.path("type").asText() + "/" + resource.path("id").asText()));
        return keys;
    }
}
