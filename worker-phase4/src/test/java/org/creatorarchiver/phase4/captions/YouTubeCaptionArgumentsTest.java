package org.creatorarchiver.phase4.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class YouTubeCaptionArgumentsTest {

    @Test
    void asksForCaptionsOnlyWithTheUrlLastAfterADoubleDash() {
        List<String> args = YouTubeCaptionArguments.fetch(
                "yt-dlp", List.of("en", "es"), "https://www.youtube.com/watch?v=-abcdefghij", Path.of("/jobs/1"));

        assertThat(args)
                .containsExactly(
                        "yt-dlp",
                        "--ignore-config",
                        "--no-playlist",
                        "--no-progress",
                        "--skip-download",
                        "-J",
                        "--no-simulate",
                        "--ignore-errors",
                        "--write-subs",
                        "--write-auto-subs",
                        "--sub-format",
                        "vtt/srt/best",
                        "--sub-langs",
                        "en(-.*)?,es(-.*)?,-.*-orig",
                        "-P",
                        "/jobs/1",
                        "-o",
                        "captions.%(ext)s",
                        "--",
                        "https://www.youtube.com/watch?v=-abcdefghij");
    }

    @Test
    void regionalSettingsAskForTheirWholeLanguageOnce() {
        assertThat(YouTubeCaptionArguments.subLanguages(List.of("en-US", "es-419", "en_GB", "es")))
                .isEqualTo("en(-.*)?,es(-.*)?,-.*-orig");
    }

    @Test
    void aSettingThatIsNoLanguageTagIsRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> YouTubeCaptionArguments.subLanguages(List.of("en", ".*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transcription.caption_languages: \".*\" is not a language tag such as \"en\"");
    }

    @Test
    void aYouTubeIdBecomesItsWatchPageAndAUrlStaysAsGiven() {
        assertThat(YouTubeCaptions.url("dQw4w9WgXcQ")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(YouTubeCaptions.url("https://youtu.be/dQw4w9WgXcQ")).isEqualTo("https://youtu.be/dQw4w9WgXcQ");
        assertThatThrownBy(() -> YouTubeCaptions.url("--exec rm")).isInstanceOf(IllegalArgumentException.class);
    }
}
