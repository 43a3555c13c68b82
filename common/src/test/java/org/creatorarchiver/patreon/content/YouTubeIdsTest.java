package org.creatorarchiver.patreon.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form a YouTube video URL takes in embeds and post text, and the look-alikes that are not YouTube. */
class YouTubeIdsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = ' ',
            value = {
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ dQw4w9WgXcQ",
                "https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=1s dQw4w9WgXcQ",
                "http://youtube.com/watch?v=a_b-C1d2E3f a_b-C1d2E3f",
                "HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ dQw4w9WgXcQ",
                "https://m.youtube.com/watch?v=dQw4w9WgXcQ dQw4w9WgXcQ",
                "https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=RDAMVM dQw4w9WgXcQ",
                "https://youtu.be/dQw4w9WgXcQ dQw4w9WgXcQ",
                "https://youtu.be/dQw4w9WgXcQ?si=abc&t=10 dQw4w9WgXcQ",
                "youtu.be/dQw4w9WgXcQ dQw4w9WgXcQ",
                "https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed dQw4w9WgXcQ",
                "//www.youtube.com/embed/dQw4w9WgXcQ dQw4w9WgXcQ",
                "https://www.youtube.com/shorts/dQw4w9WgXcQ dQw4w9WgXcQ",
                "https://youtube.com/live/dQw4w9WgXcQ?feature=shared dQw4w9WgXcQ",
                "https://www.youtube.com/v/dQw4w9WgXcQ dQw4w9WgXcQ",
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ dQw4w9WgXcQ",
                "https://youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0 dQw4w9WgXcQ",
                "www.youtube.com/watch?v=dQw4w9WgXcQ dQw4w9WgXcQ",
            })
    void everyFormGivesTheVideoId(String url, String id) {
        assertThat(YouTubeIds.fromUrl(url)).contains(id);
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
                "https://www.youtube.com/@somechannel",
                "https://www.youtube.com/channel/UCdQw4w9WgXcQ",
                "https://www.youtube.com/dQw4w9WgXcQ",
                "https://youtu.be/",
                "javascript:alert('https://youtu.be/dQw4w9WgXcQ')",
                "ftp://youtu.be/dQw4w9WgXcQ",
                "not a url at all",
            })
    void lookAlikesAndMalformedIdsGiveNothing(String url) {
        assertThat(YouTubeIds.fromUrl(url)).isEmpty();
    }
}
