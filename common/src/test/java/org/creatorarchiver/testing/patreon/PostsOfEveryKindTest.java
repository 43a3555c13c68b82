package org.creatorarchiver.testing.patreon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated creator the end-to-end runs archive: every kind of post, media variants, locks, long videos. */
class PostsOfEveryKindTest {

    private final OkHttpClient http = new OkHttpClient();
    private FakePatreon patreon;
    private FakeCreator creator;

    @BeforeEach
    void start() {
        patreon = FakePatreon.start();
        creator = patreon.addCreator("every", "5550001", "5550002").addPostsOfEveryKind(84);
    }

    @AfterEach
    void stop() {
        patreon.close();
    }

    @Test
    void postsCycleThroughEveryKindWithLockedPostsAndLongVideos() {
        List<GeneratedPost> posts = creator.generatedPosts();

        assertThat(posts).hasSize(84);
        assertThat(posts.stream().collect(Collectors.groupingBy(GeneratedPost::kind, Collectors.counting())))
                .hasSize(7)
                .allSatisfy((kind, count) -> assertThat(count).isEqualTo(12));
        assertThat(posts)
                .filteredOn(GeneratedPost::locked)
                .hasSize(8)
                .extracting(GeneratedPost::kind)
                .as("locked posts of many kinds")
                .hasSizeGreaterThanOrEqualTo(6);
        assertThat(posts)
                .filteredOn(GeneratedPost::longVideo)
                .hasSize(3)
                .allMatch(post -> post.kind() == GeneratedPost.Kind.PATREON_VIDEO);
        assertThat(posts).extracting(GeneratedPost::variant).containsOnly(0, 1, 2);
    }

    @Test
    void eachPostShowsItsVariantsMediaWithTheResourcesItPointsAt() throws Exception {
        GeneratedPost audio = first(GeneratedPost.Kind.AUDIO, 1);

        JsonNode answer = get("/api/posts/" + audio.postId());

        String mediaId = answer.at("/data/relationships/audio/data/id").asText();
        assertThat(mediaId).isEqualTo(audio.mediaId("216500777")).isNotEqualTo("216500777");
        JsonNode media = included(answer, "media", mediaId);
        assertThat(media.at("/attributes/download_url").asText()).startsWith(patreon.baseUrl() + "cdn/");
        assertThat(answer.at("/data/attributes/post_file/url").asText())
                .isEqualTo(media.at("/attributes/download_url").asText());
    }

    @Test
    void variantTwoShowsVariantOnesBytesUnderOtherIdsAndVariantZeroOthers() throws Exception {
        Map<Integer, String> urls = new java.util.HashMap<>();
        for (int variant = 0; variant < 3; variant++) {
            GeneratedPost audio = first(GeneratedPost.Kind.AUDIO, variant);
            urls.put(
                    variant,
                    get("/api/posts/" + audio.postId())
                            .at("/data/attributes/post_file/url")
                            .asText());
        }

        assertThat(patreon.cdn().bytesOf(urls.get(2)))
                .isEqualTo(patreon.cdn().bytesOf(urls.get(1)))
                .isNotEqualTo(patreon.cdn().bytesOf(urls.get(0)));
        assertThat(first(GeneratedPost.Kind.AUDIO, 2).mediaId("216500777"))
                .isNotEqualTo(first(GeneratedPost.Kind.AUDIO, 1).mediaId("216500777"));
    }

    @Test
    void longVideosReportAnHourInThePostAndInTheirMedia() throws Exception {
        GeneratedPost video = creator.generatedPosts().stream()
                .filter(GeneratedPost::longVideo)
                .findFirst()
                .orElseThrow();

        JsonNode answer = get("/api/posts/" + video.postId());

        assertThat(answer.at("/data/attributes/post_file/duration").asDouble()).isEqualTo(3600.0);
        assertThat(included(answer, "media", video.mediaId("216581623"))
                        .at("/attributes/metadata/duration")
                        .asDouble())
                .isEqualTo(3600.0);
    }

    @Test
    void lockedPostsHideTheirText() throws Exception {
        GeneratedPost locked = creator.generatedPosts().stream()
                .filter(GeneratedPost::locked)
                .findFirst()
                .orElseThrow();

        JsonNode attributes = get("/api/posts/" + locked.postId()).at("/data/attributes");

        assertThat(attributes.path("current_user_can_view").asBoolean()).isFalse();
        assertThat(attributes.path("content").isNull()).isTrue();
        assertThat(attributes.path("teaser_text").asText()).isNotBlank();
    }

    @Test
    void threeCollectionsHoldEverySixthPost() throws Exception {
        JsonNode list = get("/api/collection?filter[campaign_id]=5550001");

        assertThat(list.path("data")).hasSize(3);
        JsonNode first = list.path("data").get(0);
        List<String> expected = creator.generatedPosts().stream()
                .filter(p -> creator.generatedPosts().indexOf(p) % 6 == 0)
                .map(GeneratedPost::postId)
                .toList();
        List<String> ids = new java.util.ArrayList<>();
        first.at("/attributes/post_ids").forEach(id -> ids.add(id.asText()));
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void youTubeLinksPointAtTheVideoSitesWatchPageWithSubtitleTracks(@TempDir Path videos) throws Exception {
        patreon.videoSite(TestVideos.makeIn(videos));
        GeneratedPost youTube = first(GeneratedPost.Kind.YOUTUBE, 2);

        String url = get("/api/posts/" + youTube.postId())
                .at("/data/attributes/embed/url")
                .asText();

        assertThat(url).isEqualTo(patreon.baseUrl() + "watch?v=" + youTube.youTubeId());
        try (Response page =
                http.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(page.body().string()).contains("clip.mp4", "srclang=\"en\"", "srclang=\"es\"");
        }
        try (Response clip = http.newCall(new Request.Builder()
                        .url(patreon.baseUrl() + "videos/clip.mp4")
                        .build())
                .execute()) {
            assertThat(clip.body().bytes()).isEqualTo(java.nio.file.Files.readAllBytes(videos.resolve("clip.mp4")));
        }
    }

    private GeneratedPost first(GeneratedPost.Kind kind, int variant) {
        return creator.generatedPosts().stream()
                .filter(p -> p.kind() == kind && p.variant() == variant && !p.locked() && !p.longVideo())
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode included(JsonNode answer, String type, String id) {
        for (JsonNode resource : answer.path("included")) {
            if (resource.path("type").asText().equals(type)
                    && resource.path("id").asText().equals(id)) {
                return resource;
            }
        }
        throw new AssertionError("no included " + type + "/" + id);
    }

    private JsonNode get(String path) throws Exception {
        try (Response response = http.newCall(new Request.Builder()
                        .url(patreon.baseUrl() + path.substring(1))
                        .build())
                .execute()) {
            assertThat(response.code()).as(path).isEqualTo(200);
            return PatreonSamples.JSON.readTree(response.body().string());
        }
    }
}
