package org.creatorarchiver.patreon.posts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.testing.patreon.PatreonSamples;
import org.junit.jupiter.api.Test;

/** A listing page: its posts in Patreon's order and where the next page is. */
class PostsPageTest {

    static final String SOURCE = "https://www.patreon.com/api/posts?filter%5Bcampaign_id%5D=4815162";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFirstPageHasThreePostsNewestFirstAndANextLink() throws Exception {
        PostsPage page = sample("posts-page-1.json");

        assertThat(page.posts())
                .extracting(PostSummary::externalId)
                .containsExactly("150000006", "150000005", "150000004");
        assertThat(page.nextLink()).hasValueSatisfying(next -> assertThat(next).contains("page%5Bcursor%5D=03%3A"));
        assertThat(page.total()).hasValue(7);
    }

    @Test
    void theLastPageHasNoLinksAndSoNoNextPage() throws Exception {
        PostsPage page = sample("posts-page-2-last.json");

        assertThat(page.posts())
                .extracting(PostSummary::externalId)
                .containsExactly("150000003", "150000002", "150000001", "150000000");
        assertThat(page.nextLink()).isEmpty();
    }

    @Test
    void aSparsePageWithOnlyUrlsIsReadWithoutTheMissingFields() throws Exception {
        PostsPage page = sample("posts-page-sparse-fields.json");

        assertThat(page.posts())
                .extracting(PostSummary::externalId)
                .containsExactly("150000006", "150000005", "150000004");
        assertThat(page.posts())
                .extracting(PostSummary::url)
                .containsExactly(
                        "https://www.patreon.com/skyforge/posts/studio-update-june-150000006",
                        "https://www.patreon.com/posts/ep-12-public-cut-150000005",
                        "https://www.patreon.com/posts/ep-12-extended-150000004");
        assertThat(page.posts()).allSatisfy(post -> {
            assertThat(post.title()).isNull();
            assertThat(post.postType()).isNull();
            assertThat(post.publishedAt()).isNull();
            assertThat(post.editedAt()).isNull();
            assertThat(post.locked()).isFalse();
            assertThat(post.video()).isEmpty();
        });
        assertThat(page.nextLink()).isPresent();
    }

    @Test
    void resourcesOfOtherTypesInDataAreNotPosts() throws Exception {
        PostsPage page = PostsPage.of(JsonApiDocument.parse("""
                {"data": [{"id": "1", "type": "post", "attributes": {"title": "A post"}},
                          {"id": "2", "type": "drop", "attributes": {"title": "A drop"}}]}
                """, SOURCE), SOURCE);

        assertThat(page.posts()).extracting(PostSummary::title).containsExactly("A post");
    }

    @Test
    void anEmptyPageWithoutIncludedOrMetaIsTheEnd() throws Exception {
        PostsPage page = PostsPage.of(JsonApiDocument.parse("{\"data\": []}", SOURCE), SOURCE);

        assertThat(page.posts()).isEmpty();
        assertThat(page.nextLink()).isEmpty();
        assertThat(page.total()).isEmpty();
    }

    static PostsPage sample(String name) throws MalformedResponseException {
        return PostsPage.of(JsonApiDocument.parse(PatreonSamples.text(name), SOURCE), SOURCE);
    }
}
