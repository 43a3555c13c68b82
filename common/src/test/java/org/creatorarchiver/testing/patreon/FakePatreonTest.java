package org.creatorarchiver.testing.patreon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.creatorarchiver.http.FailureKind;
import org.creatorarchiver.http.HttpClients;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.patreon.PatreonApi;
import org.creatorarchiver.patreon.posts.PostSummary;
import org.creatorarchiver.patreon.posts.PostsPage;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake Patreon the phase tests build on: its listing pages the way Patreon's does. */
class FakePatreonTest {

    private FakePatreon patreon;
    private HttpClients clients;
    private PatreonApi api;
    private FakeCreator creator;

    @BeforeEach
    void start() {
        TestServices.flushRedis();
        patreon = FakePatreon.start();
        creator = patreon.addCreator("skyforge", "4815162", "90011223").addPosts(45);
        clients = HttpClients.create(patreon.clientSettings(), TestServices.redisson(), Clock.systemUTC());
        api = new PatreonApi(clients.patreon());
    }

    @AfterEach
    void stop() {
        clients.close();
        patreon.close();
    }

    @Test
    void theListingIsPagedByTwentyThroughNextLinksNewestFirst() throws Exception {
        patreon.omitMetaOnPage(2);

        List<PostsPage> pages = walk();

        assertThat(pages).extracting(page -> page.posts().size()).containsExactly(20, 20, 5);
        assertThat(pages).extracting(page -> page.total().isPresent()).containsExactly(true, false, true);
        List<String> ids = pages.stream()
                .flatMap(page -> page.posts().stream())
                .map(PostSummary::externalId)
                .toList();
        List<String> newestFirst = new ArrayList<>(creator.postIds());
        Collections.reverse(newestFirst);
        assertThat(ids).isEqualTo(newestFirst);
        assertThat(patreon.postsPagesRequested()).containsExactly(1, 2, 3);
    }

    @Test
    void nextLinksPointAtPatreonWithTheCursor() throws Exception {
        PostsPage first = PostsPage.of(api.get(api.campaignPostsUrl("4815162")), "first page");

        HttpUrl next = HttpUrl.get(first.nextLink().orElseThrow());
        assertThat(next.host()).isEqualTo("www.patreon.com");
        assertThat(next.queryParameter("page[cursor]")).startsWith("03:");
        assertThat(next.queryParameter("filter[campaign_id]")).isEqualTo("4815162");
    }

    @Test
    void expiredAndForeignCursorsAreRefusedWith400() throws Exception {
        HttpUrl second = api.http()
                .urls()
                .rebase(HttpUrl.get(PostsPage.of(api.get(api.campaignPostsUrl("4815162")), "first page")
                        .nextLink()
                        .orElseThrow()));
        HttpUrl foreign = second.newBuilder()
                .setQueryParameter("page[cursor]", "02_V7PhxzYAaqB79OISTPUB9Xb")
                .build();

        assertThatThrownBy(() -> api.get(foreign))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_REQUEST));
        patreon.expireCursors();
        assertThatThrownBy(() -> api.get(second))
                .asInstanceOf(type(HttpFailureException.class))
                .satisfies(e -> assertThat(e.getMessage()).contains("Expired"));
        assertThat(api.get(api.campaignPostsUrl("4815162")).data()).hasSize(20);
    }

    @Test
    void aLockedVideoShowsOnlyItsPreview() throws Exception {
        String id = creator.postId(44);
        creator.lockVideoWithPreview(id, 2500.5);

        PostSummary post = PostsPage.of(api.get(api.campaignPostsUrl("4815162")), "first page")
                .posts()
                .getFirst();

        assertThat(post.externalId()).isEqualTo(id);
        assertThat(post.locked()).isTrue();
        assertThat(post.video()).hasValueSatisfying(video -> {
            assertThat(video.mediaId()).isEqualTo("216581623");
            assertThat(video.durationSeconds()).hasValue(2500.5);
            assertThat(video.durationField()).isEqualTo("video_preview.full_content_duration");
        });
    }

    @Test
    void answersOnAKeptAliveConnectionAreNotHeldBack() throws Exception {
        // Without TCP_NODELAY each answer after the first on a connection waited ~40 ms (Nagle meets delayed ACK),
        // and benchmarks measured that instead of the latency they set.
        OkHttpClient client = new OkHttpClient();
        Request post = new Request.Builder().url(api.postUrl(creator.postId(0))).build();
        try {
            int requests = 20;
            long start = 0;
            for (int i = 0; i <= requests; i++) {
                try (Response response = client.newCall(post).execute()) {
                    assertThat(response.code()).isEqualTo(200);
                    response.body().string();
                }
                start = i == 0 ? System.nanoTime() : start;
            }
            Duration each = Duration.ofNanos((System.nanoTime() - start) / requests);
            assertThat(each).isLessThan(Duration.ofMillis(20));
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Test
    void aFlakyFakeAnswersTheAskedSharesOf429And500OnlyOnTheApi() throws Exception {
        patreon.flaky(0.2, 0.1);
        OkHttpClient client = new OkHttpClient();
        Request post = new Request.Builder().url(api.postUrl(creator.postId(0))).build();
        int tooMany = 0;
        int serverErrors = 0;
        try {
            for (int i = 0; i < 400; i++) {
                try (Response response = client.newCall(post).execute()) {
                    tooMany += response.code() == 429 ? 1 : 0;
                    serverErrors += response.code() == 500 ? 1 : 0;
                    if (response.code() == 429) {
                        assertThat(response.header("Retry-After")).isEqualTo("1");
                    }
                }
            }
            assertThat(tooMany).isBetween(50, 110);
            assertThat(serverErrors).isBetween(20, 65);
            Request page = new Request.Builder()
                    .url(patreon.baseUrl().resolve("/c/skyforge/posts"))
                    .build();
            for (int i = 0; i < 20; i++) {
                try (Response response = client.newCall(page).execute()) {
                    assertThat(response.code()).as("pages are not flaky").isEqualTo(200);
                }
            }
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
        assertThatThrownBy(() -> patreon.flaky(0.7, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<PostsPage> walk() throws Exception {
        List<PostsPage> pages = new ArrayList<>();
        HttpUrl url = api.campaignPostsUrl("4815162");
        while (url != null) {
            PostsPage page = PostsPage.of(api.get(url), PatreonApi.describe(url));
            pages.add(page);
            url = page.nextLink()
                    .map(link -> api.http().urls().rebase(HttpUrl.get(link)))
                    .orElse(null);
        }
        return pages;
    }
}
