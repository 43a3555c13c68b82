package org.creatorarchiver.phase2.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.patreon.content.PostContentReader;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;
import org.creatorarchiver.testing.patreon.PatreonSamples;
import org.junit.jupiter.api.Test;

/** The media items phase 2 finds in each sample post, in reading order, each once. */
class MediaItemsTest {

    private static List<MediaItem> itemsOf(String sample) throws Exception {
        JsonApiDocument document = JsonApiDocument.parse(PatreonSamples.text(sample), sample);
        JsonApiResource post = document.data().getFirst();
        return MediaItems.of(document, post, PostContentReader.read(post));
    }

    @Test
    void anImagePostHasItsImagesInDisplayOrderThenItsAttachmentWithTheOriginalName() throws Exception {
        List<MediaItem> items = itemsOf("post-image-attachments.json");

        assertThat(items)
                .extracting(MediaItem::kind)
                .startsWith(PostMediaKind.image, PostMediaKind.image, PostMediaKind.attachment);
        assertThat(items.subList(0, 2))
                .extracting(item -> item.externalMediaId().orElseThrow())
                .containsExactly("700000021", "700000022");
        MediaItem image = items.getFirst();
        assertThat(image.metadata().get("cdn_file_key").asText()).isEqualTo("ed1aa10c1431b3326ba7910aec04e351");
        assertThat(image.sourceUrl())
                .hasValueSatisfying(url -> assertThat(url).startsWith("https://c10.patreonusercontent.com/"));
        MediaItem attachment = items.get(2);
        assertThat(attachment.externalMediaId()).contains("700000023");
        assertThat(attachment.metadata().get("file_name").asText()).isEqualTo("Skyforge_ProjectFiles_v2.zip");
        assertThat(attachment.metadata().get("size_bytes").asLong()).isEqualTo(48211211L);
        assertThat(items)
                .filteredOn(item ->
                        item.externalMediaId().filter("700000021"::equals).isPresent())
                .hasSize(1);
    }

    @Test
    void anAudioPostHasItsAudioWithItsDurationAndNoVideo() throws Exception {
        List<MediaItem> items = itemsOf("post-audio.json");

        MediaItem audio = items.getFirst();
        assertThat(audio.kind()).isEqualTo(PostMediaKind.audio);
        assertThat(audio.externalMediaId()).contains("216500777");
        assertThat(audio.provider()).isEmpty();
        assertThat(audio.durationSeconds().getAsDouble()).isEqualTo(2580.4);
        assertThat(audio.metadata().get("file_name").asText()).isEqualTo("studio-podcast-42.mp3");
        assertThat(items).noneMatch(item -> item.kind() == PostMediaKind.video);
    }

    @Test
    void aMuxVideoPostHasItsHlsVideoKeyedByItsMediaId() throws Exception {
        MediaItem video = itemsOf("post-video-mux.json").getFirst();

        assertThat(video.kind()).isEqualTo(PostMediaKind.video);
        assertThat(video.provider()).contains(MediaItem.VideoSource.PATREON);
        assertThat(video.externalMediaId()).contains("216581623");
        assertThat(video.durationSeconds().getAsDouble()).isEqualTo(1653.852);
        assertThat(video.metadata().get("delivery").asText()).isEqualTo("hls");
        assertThat(video.sourceUrl()).hasValueSatisfying(url -> assertThat(url).startsWith("https://stream.mux.com/"));
    }

    @Test
    void embedsCarryTheirProviderAndId() throws Exception {
        MediaItem youTube = itemsOf("post-youtube-embed.json").stream()
                .filter(item -> item.provider()
                        .filter(MediaItem.VideoSource.YOUTUBE::equals)
                        .isPresent())
                .findFirst()
                .orElseThrow();
        assertThat(youTube.kind()).isEqualTo(PostMediaKind.embed);
        assertThat(youTube.externalMediaId()).contains("yT3mbedID01");

        MediaItem vimeo = itemsOf("post-vimeo-embed.json").stream()
                .filter(item -> item.kind() == PostMediaKind.embed)
                .findFirst()
                .orElseThrow();
        assertThat(vimeo.provider()).contains(MediaItem.VideoSource.VIMEO);
        assertThat(vimeo.externalMediaId()).contains("905512347");
    }

    @Test
    void aTipTapPostHasItsInlineImage() throws Exception {
        List<MediaItem> items = itemsOf("post-text-content-json.json");

        assertThat(items).anySatisfy(item -> {
            assertThat(item.kind()).isEqualTo(PostMediaKind.image);
            assertThat(item.externalMediaId()).contains("700000061");
            assertThat(item.metadata().get("placement").asText()).isEqualTo("inline");
        });
    }

    @Test
    void youTubeLinksInTheTextCountOnceEachAndAfterTheEmbed() throws Exception {
        String body = PatreonSamples.text("post-youtube-embed.json")
                .replaceFirst(
                        "\"content\": *\"",
                        "\"content\": \"<p>Also <a href=\\\\\"https://youtu.be/yT3mbedID01\\\\\">the same</a> and"
                                + " https://www.youtube.com/watch?v=0therVide0s</p>");
        JsonApiDocument document = JsonApiDocument.parse(body, "sample");
        JsonApiResource post = document.data().getFirst();

        List<MediaItem> embeds = MediaItems.of(document, post, PostContentReader.read(post)).stream()
                .filter(item -> item.provider()
                        .filter(MediaItem.VideoSource.YOUTUBE::equals)
                        .isPresent())
                .toList();

        assertThat(embeds)
                .extracting(item -> item.externalMediaId().orElseThrow())
                .containsExactly("yT3mbedID01", "0therVide0s");
        assertThat(embeds.get(1).metadata().get("source").asText()).isEqualTo("text_link");
    }

    @Test
    void theCdnFileKeyIsTheLast32HexSegmentOfThePath() {
        assertThat(MediaItems.cdnFileKey("https://c10.patreonusercontent.com/4/patreon-media/p/post/1/"
                        + "0123456789abcdef0123456789abcdef/eyJ3Ijo2MjB9/1.jpg?token-hash=x"))
                .contains("0123456789abcdef0123456789abcdef");
        assertThat(MediaItems.cdnFileKey("https://example.com/a/b.jpg")).isEmpty();
    }
}
