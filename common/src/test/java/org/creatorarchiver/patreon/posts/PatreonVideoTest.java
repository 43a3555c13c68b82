package org.creatorarchiver.patreon.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.patreon.posts.PostsPageTest.SOURCE;
import static org.creatorarchiver.patreon.posts.PostsPageTest.sample;

import java.util.Optional;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Patreon-hosted video a listing shows, keyed by the full video's media id, with the duration the listing
 * already tells (the discovery-time duration check relies on both).
 */
class PatreonVideoTest {

    @Test
    void aViewableVideoPostTakesItsIdAndDurationFromPostFile() throws Exception {
        PatreonVideo video = video("posts-page-1.json", "150000004").orElseThrow();

        assertThat(video.mediaId()).isEqualTo("216581623");
        assertThat(video.durationSeconds()).hasValue(1653.852);
        assertThat(video.durationField()).isEqualTo("post_file.duration");
    }

    @Test
    void aLockedVideoPostIsTheFullVideoNotThePreviewClipWithTheFullLengthFromThePreview() throws Exception {
        PatreonVideo video =
                video("posts-page-locked-anonymous.json", "150000004").orElseThrow();

        // video_preview.media_id (216581700) is the teaser clip; the videos row must be keyed by the full video.
        assertThat(video.mediaId()).isEqualTo("216581623");
        assertThat(video.durationSeconds()).hasValue(1653.852);
        assertThat(video.durationField()).isEqualTo("video_preview.full_content_duration");
    }

    @ParameterizedTest(name = "{1} ({0})")
    @CsvSource({
        "posts-page-2-last.json, 150000003, audio: not subject to the duration policy",
        "posts-page-1.json, 150000006, text",
        "posts-page-1.json, 150000005, YouTube embed: not hosted by Patreon",
        "posts-page-2-last.json, 150000002, images and an attachment",
        "posts-page-2-last.json, 150000001, Vimeo embed",
        "posts-page-2-last.json, 150000000, image with an inline image",
        "posts-page-locked-anonymous.json, 150000002, locked images",
    })
    void postsWithoutAPatreonVideoHaveNone(String sample, String postId, String what) throws Exception {
        assertThat(video(sample, postId)).as(what).isEmpty();
    }

    @Test
    void aVideoKnownOnlyFromItsMediaTakesTheMediaDisplayDuration() throws Exception {
        Optional<PatreonVideo> video = videoOf("""
                {"data": {"id": "1", "type": "post", "attributes": {"post_type": "video_external_file"},
                          "relationships": {"media": {"data": [{"id": "30", "type": "media"}, {"id": "31", "type": "media"}]}}},
                 "included": [
                   {"id": "30", "type": "media", "attributes": {"media_type": "image"}},
                   {"id": "31", "type": "media", "attributes": {"media_type": "video", "owner_relationship": "main",
                                                               "display": {"duration": "95.5"}}}]}
                """);

        assertThat(video).hasValueSatisfying(v -> {
            assertThat(v.mediaId()).isEqualTo("31");
            assertThat(v.durationSeconds()).hasValue(95.5);
            assertThat(v.durationField()).isEqualTo("media.display.duration");
        });
    }

    @Test
    void aVideoPostWhoseDurationNobodyTellsHasTheIdAlone() throws Exception {
        Optional<PatreonVideo> video = videoOf("""
                {"data": {"id": "1", "type": "post", "attributes": {"post_type": "video_external_file", "post_file": null},
                          "relationships": {"native_video_insights": {"data": {"id": "55", "type": "native_video_insights"}}}}}
                """);

        assertThat(video).hasValueSatisfying(v -> {
            assertThat(v.mediaId()).isEqualTo("55");
            assertThat(v.durationSeconds()).isEmpty();
        });
    }

    @Test
    void aZeroDurationIsNoDuration() throws Exception {
        Optional<PatreonVideo> video = videoOf("""
                {"data": {"id": "1", "type": "post", "attributes": {"post_type": "video_external_file",
                          "post_file": {"name": "video", "url": "https://stream.mux.com/x.m3u8", "media_id": 77, "duration": 0}}}}
                """);

        assertThat(video).hasValueSatisfying(v -> {
            assertThat(v.mediaId()).isEqualTo("77");
            assertThat(v.durationSeconds()).isEmpty();
        });
    }

    private static Optional<PatreonVideo> video(String sample, String postId) throws MalformedResponseException {
        return sample(sample).posts().stream()
                .filter(p -> p.externalId().equals(postId))
                .findFirst()
                .orElseThrow()
                .video();
    }

    private static Optional<PatreonVideo> videoOf(String body) throws MalformedResponseException {
        JsonApiDocument document = JsonApiDocument.parse(body, SOURCE);
        return PatreonVideo.of(document, document.data().getFirst());
    }
}
