package org.creatorarchiver.patreon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import okhttp3.HttpUrl;
import org.creatorarchiver.http.HttpClients;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.posts.PostsPage;
import org.creatorarchiver.testing.TestServices;
import org.creatorarchiver.testing.patreon.FakePatreon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The calls to Patreon's API: on PATREON_BASE_URL, asking for what phase 2 reads, and parsed or refused whole. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatreonApiTest {

    private FakePatreon patreon;
    private HttpClients clients;
    private PatreonApi api;

    @BeforeAll
    void startFakePatreon() {
        TestServices.flushRedis();
        patreon = FakePatreon.start();
        patreon.addCreator("skyforge", "4815162", "90011223").addPosts(3);
        clients = HttpClients.create(patreon.clientSettings(), TestServices.redisson(), Clock.systemUTC());
        api = new PatreonApi(clients.patreon());
    }

    @AfterAll
    void stopFakePatreon() {
        clients.close();
        patreon.close();
    }

    @Test
    void theListingAsksForEveryFieldPhaseTwoReadsNewestFirst() {
        HttpUrl url = api.campaignPostsUrl("4815162");

        assertThat(url.host()).isEqualTo(patreon.baseUrl().host());
        assertThat(url.port()).isEqualTo(patreon.baseUrl().port());
        assertThat(url.encodedPath()).isEqualTo("/api/posts");
        assertThat(url.queryParameter("filter[campaign_id]")).isEqualTo("4815162");
        assertThat(url.queryParameter("filter[is_draft]")).isEqualTo("false");
        assertThat(url.queryParameter("sort")).isEqualTo("-published_at");
        assertThat(url.queryParameter("json-api-version")).isEqualTo("1.0");
        assertThat(List.of(url.queryParameter("fields[post]").split(",")))
                .contains(
                        "content",
                        "content_json_string",
                        "teaser_text",
                        "post_type",
                        "published_at",
                        "edited_at",
                        "url",
                        "patreon_url",
                        "current_user_can_view",
                        "embed",
                        "post_file",
                        "video_preview",
                        "title");
        assertThat(List.of(url.queryParameter("include").split(",")))
                .contains("media", "images", "attachments_media", "audio", "access_rules", "native_video_insights");
    }

    @Test
    void onePostIsAskedForWithTheSameFieldsAsTheListing() {
        HttpUrl listing = api.campaignPostsUrl("4815162");
        HttpUrl post = api.postUrl("150000004");

        assertThat(post.encodedPath()).isEqualTo("/api/posts/150000004");
        assertThat(post.queryParameter("fields[post]")).isEqualTo(listing.queryParameter("fields[post]"));
        assertThat(post.queryParameter("include")).isEqualTo(listing.queryParameter("include"));
        assertThat(post.queryParameter("filter[campaign_id]")).isNull();
    }

    @Test
    void collectionCallsCarryTheFiltersPatreonRequires() {
        HttpUrl list = api.campaignCollectionsUrl("4815162");
        HttpUrl posts = api.collectionPostsUrl("4815162", "15764301");

        assertThat(list.encodedPath()).isEqualTo("/api/collection");
        assertThat(list.queryParameter("filter[campaign_id]")).isEqualTo("4815162");
        assertThat(api.collectionUrl("15764301").encodedPath()).isEqualTo("/api/collection/15764301");
        assertThat(posts.encodedPath()).isEqualTo("/api/posts");
        assertThat(posts.queryParameter("filter[collection_id]")).isEqualTo("15764301");
        assertThat(posts.queryParameter("sort")).isEqualTo("collection_order");
        // Without the campaign filter Patreon refuses the collection filter with a 400 (patreon-api.md 1.2).
        assertThat(posts.queryParameter("filter[campaign_id]")).isEqualTo("4815162");
    }

    @Test
    void lookupsGoToTheirEndpoints() {
        assertThat(api.searchUrl("sky forge").encodedPath()).isEqualTo("/api/search");
        assertThat(api.searchUrl("sky forge").queryParameter("q")).isEqualTo("sky forge");
        assertThat(api.campaignUrl("4815162").encodedPath()).isEqualTo("/api/campaigns/4815162");
        assertThat(api.userUrl("90011223").encodedPath()).isEqualTo("/api/user/90011223");
        assertThat(api.userUrl("90011223").queryParameter("include")).isEqualTo("campaign");
    }

    @Test
    void aListingPageIsFetchedAndParsed() throws Exception {
        JsonApiDocument document = api.get(api.campaignPostsUrl("4815162"));

        PostsPage page = PostsPage.of(document, PatreonApi.describe(api.campaignPostsUrl("4815162")));
        assertThat(page.posts()).hasSize(3);
        assertThat(page.nextLink()).isEmpty();
    }

    @Test
    void aCutOffAnswerIsMalformedNamingTheUrlThatGaveIt() {
        patreon.script(FakePatreon.postsPage(1, patreon.pageSize()), FakePatreon.truncatedJson());
        HttpUrl url = api.campaignPostsUrl("4815162");

        assertThatThrownBy(() -> api.get(url))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageStartingWith("malformed response from " + PatreonApi.describe(url) + ": not JSON (");
    }

    @Test
    void signedTokensAreMaskedWhereUrlsAreNamed() {
        HttpUrl signed = HttpUrl.get("https://stream.mux.com/abc.m3u8?token=eyJhbGciOi.secret.sig&quality=hd");

        assertThat(PatreonApi.describe(signed)).isEqualTo("https://stream.mux.com/abc.m3u8?token=***&quality=hd");
    }
}
