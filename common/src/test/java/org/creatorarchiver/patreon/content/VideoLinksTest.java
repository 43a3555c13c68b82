package org.creatorarchiver.patreon.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.creatorarchiver.patreon.content.VideoLink.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form a YouTube or Vimeo video URL takes in embeds and post text, and the look-alikes that are no video. */
class VideoLinksTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = ' ',
            value = {
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ YOUTUBE dQw4w9WgXcQ",
                "https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=1s YOUTUBE dQw4w9WgXcQ",
                "http://youtube.com/watch?v=a_b-C1d2E3f YOUTUBE a_b-C1d2E3f",
                "HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ YOUTUBE dQw4w9WgXcQ",
                "https://m.youtube.com/watch?v=dQw4w9WgXcQ YOUTUBE dQw4w9WgXcQ",
                "https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=RDAMVM YOUTUBE dQw4w9WgXcQ",
                "https://youtu.be/dQw4w9WgXcQ YOUTUBE dQw4w9WgXcQ",
                "https://youtu.be/dQw4w9WgXcQ?si=abc&t=10 YOUTUBE dQw4w9WgXcQ",
                "youtu.be/dQw4w9WgXcQ YOUTUBE dQw4w9WgXcQ",
                "https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed YOUTUBE dQw4w9WgXcQ",
                "//www.youtube.com/embed/dQw4w9WgXcQ YOUTUBE dQw4w9WgXcQ",
                "https://www.youtube.com/shorts/dQw4w9WgXcQ YOUTUBE dQw4w9WgXcQ",
                "https://youtube.com/live/dQw4w9WgXcQ?feature=shared YOUTUBE dQw4w9WgXcQ",
                "https://www.youtube.com/v/dQw4w9WgXcQ YOUTUBE dQw4w9WgXcQ",
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ YOUTUBE dQw4w9WgXcQ",
                "https://youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0 YOUTUBE dQw4w9WgXcQ",
                "www.youtube.com/watch?v=dQw4w9WgXcQ YOUTUBE dQw4w9WgXcQ",
                "https://vimeo.com/709005134 VIMEO 709005134",
                "https://vimeo.com/709005134/dae94321e2 VIMEO 709005134",
                "https://www.vimeo.com/709005134?share=copy VIMEO 709005134",
                "vimeo.com/709005134 VIMEO 709005134",
                "https://vimeo.com/video/709005134 VIMEO 709005134",
                "https://vimeo.com/channels/staffpicks/709005134 VIMEO 709005134",
                "https://vimeo.com/groups/animation/videos/709005134 VIMEO 709005134",
                "https://vimeo.com/showcase/9876543/video/709005134 VIMEO 709005134",
                "https://vimeo.com/album/9876543/video/709005134 VIMEO 709005134",
                "https://player.vimeo.com/video/709005134 VIMEO 709005134",
                "https://player.vimeo.com/video/709005134?h=dae94321e2&app_id=122963 VIMEO 709005134",
                "//player.vimeo.com/video/709005134 VIMEO 709005134",
            })
    void everyFormGivesTheProviderAndId(String url, Provider provider, String id) {
        assertThat(VideoLinks.parse(url)).hasValueSatisfying(video -> {
            assertThat(video.provider()).isEqualTo(provider);
            assertThat(video.id()).isEqualTo(id);
            assertThat(video.url()).isEqualTo(url);
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "https://youtube.com.evil.com/watch?v=dQw4w9WgXcQ",
                "https://evil.com/youtube.com/watch?v=dQw4w9WgXcQ",
                "https://notyoutube.com/watch?v=dQw4w9WgXcQ",
                "https://youtu.be.evil.com/dQw4w9WgXcQ",
                "https://www.youtube.com.evil.com/embed/dQw4w9WgXcQ",
                "https://evil.com/?u=https://youtu.be/dQw4w9WgXcQ",
                "https://www.youtube.com/watch?v=dQw4w9WgXc",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQQ",
                "https://youtu.be/dQw4w9WgXcQ.",
                "https://www.youtube.com/watch?v=dQw4w9WgX%21Q",
                "https://www.youtube.com/watch",
                "https://www.youtube.com/embed/videoseries?list=PL1234567890",
                "https://www.youtube.com/playlist?list=PL1234567890",
                "https://www.youtube.com/@somechannel",
                "https://www.youtube.com/channel/UCdQw4w9WgXcQ",
                "https://www.youtube.com/c/SomeChannel",
                "https://www.youtube.com/dQw4w9WgXcQ",
                "https://youtu.be/",
                "javascript:alert('https://youtu.be/dQw4w9WgXcQ')",
                "ftp://youtu.be/dQw4w9WgXcQ",
                "not a url at all",
                "https://vimeo.com/user12345",
                "https://vimeo.com/channels/staffpicks",
                "https://vimeo.com/groups/animation",
                "https://vimeo.com/showcase/9876543",
                "https://vimeo.com/album/9876543",
                "https://vimeo.com/",
                "https://vimeo.com/12345678901234567890123",
                "https://vimeo.com/70900513a",
                "https://player.vimeo.com/709005134",
                "https://player.vimeo.com/video/abc",
                "https://vimeo.com.evil.com/709005134",
                "https://evilvimeo.com/709005134",
                "https://example.com/709005134",
            })
    void otherPagesHostsAndMalformedIdsGiveNothing(String url) {
        assertThat(VideoLinks.parse(url)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ' ',
            value = {
                "YouTube http://127.0.0.1:8080/page-1?v=lOcAlVide01 YOUTUBE lOcAlVide01",
                "YouTube https://yt.example.org/videos/lOcAlVide01 YOUTUBE lOcAlVide01",
                "youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ YOUTUBE dQw4w9WgXcQ",
                "Vimeo https://vimeo.example.org/v/709005134 VIMEO 709005134",
                "Vimeo https://videos.example.org/watch?v=709005134 VIMEO 709005134",
                "Vimeo https://vimeo.com/channels/staffpicks/709005134 VIMEO 709005134",
                "Vimeo https://player.vimeo.com/video/709005134?h=dae94321e2 VIMEO 709005134",
                "Embedly https://youtu.be/dQw4w9WgXcQ YOUTUBE dQw4w9WgXcQ",
                "Embedly https://vimeo.com/709005134 VIMEO 709005134",
            })
    void anEmbedNamingItsProviderGivesTheIdWhateverTheHost(String provider, String url, Provider is, String id) {
        assertThat(VideoLinks.ofEmbed(provider, url)).hasValueSatisfying(video -> {
            assertThat(video.provider()).isEqualTo(is);
            assertThat(video.id()).isEqualTo(id);
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ' ',
            value = {
                "Vimeo https://vimeo.com/showcase/9876543",
                "Vimeo https://vimeo.example.org/about",
                "Vimeo https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "YouTube https://www.youtube.com/c/SomeChannel",
                "YouTube https://www.youtube.com/embed/videoseries?list=PL1234567890",
                "YouTube https://vimeo.com/709005134",
                "Embedly https://example.com/709005134",
                "Twitter https://twitter.com/someone/status/1234567890",
            })
    void anEmbedWithoutAVideoIdGivesNothing(String provider, String url) {
        assertThat(VideoLinks.ofEmbed(provider, url)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ' ',
            value = {
                "https://vimeo.com/709005134/dae94321e2 https://player.vimeo.com/video/709005134?h=dae94321e2",
                "https://vimeo.com/709005134 https://player.vimeo.com/video/709005134",
                "https://vimeo.com/channels/staffpicks/709005134 https://player.vimeo.com/video/709005134",
                "//player.vimeo.com/video/709005134?h=dae94321e2&app_id=1 //player.vimeo.com/video/709005134?h=dae94321e2&app_id=1",
                "https://vimeo.com/showcase/9876543 https://vimeo.com/showcase/9876543",
            })
    void aVimeoEmbedIsKeptWithItsPlayerUrl(String embedUrl, String playerUrl) {
        assertThat(VideoLinks.vimeoPlayerUrl(embedUrl)).isEqualTo(playerUrl);
    }

    @Test
    void theHashOfAnUnlistedVimeoVideoIsKept() {
        assertThat(VideoLinks.parse("https://player.vimeo.com/video/709005134?h=dae94321e2"))
                .flatMap(VideoLink::hash)
                .contains("dae94321e2");
        assertThat(VideoLinks.parse("https://vimeo.com/709005134/dae94321e2"))
                .flatMap(VideoLink::hash)
                .contains("dae94321e2");
        assertThat(VideoLinks.parse(" https://vimeo.com/709005134/settings ")).hasValueSatisfying(video -> {
            assertThat(video.hash()).isEmpty();
            assertThat(video.url()).isEqualTo("https://vimeo.com/709005134/settings");
        });
    }
}
