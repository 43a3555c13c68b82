package org.creatorarchiver.patreon.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The numeric id of a Vimeo page or player URL, as {@code videos.external_id} stores it. */
class VimeoIdsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = ' ',
            value = {
                "https://vimeo.com/709005134 709005134",
                "https://vimeo.com/709005134/dae94321e2 709005134",
                "https://www.vimeo.com/709005134?share=copy 709005134",
                "https://player.vimeo.com/video/709005134 709005134",
                "https://player.vimeo.com/video/709005134?h=dae94321e2&app_id=122963 709005134",
                "//player.vimeo.com/video/709005134 709005134",
                "vimeo.com/709005134 709005134",
            })
    void pageAndPlayerUrlsGiveTheNumericId(String url, String id) {
        assertThat(VimeoIds.fromUrl(url)).contains(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "https://vimeo.com/user12345",
                "https://vimeo.com/channels/staffpicks",
                "https://vimeo.com/",
                "https://player.vimeo.com/709005134",
                "https://player.vimeo.com/video/abc",
                "https://vimeo.com.evil.com/709005134",
                "https://evilvimeo.com/709005134",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            })
    void otherPagesAndHostsGiveNothing(String url) {
        assertThat(VimeoIds.fromUrl(url)).isEmpty();
    }
}
