package org.creatorarchiver.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.junit.jupiter.api.Test;

class YtDlpArgumentsTest {

    private static final Path JOB = Path.of("/media/tmp/worker-1/job-7");

    @Test
    void theUrlComesLastAfterTheEndOfOptions() {
        List<String> probe = YtDlpArguments.probe("yt-dlp", "-oops", Map.of("Referer", "https://www.patreon.com/"));
        List<String> download = YtDlpArguments.download(
                "yt-dlp", Optional.empty(), "-oops", JOB, DownloadRequest.youtube(Settings.YoutubeDownload.DEFAULTS));

        assertThat(probe).endsWith("--", "-oops").containsOnlyOnce("--");
        assertThat(download).endsWith("--", "-oops").containsOnlyOnce("--");
    }

    @Test
    void youtubeSettingsAskForMp4AndHumanSubtitlesWithMachineOnesAsFallback() {
        List<String> download = YtDlpArguments.download(
                "yt-dlp",
                Optional.of(Path.of("/usr/bin/ffmpeg")),
                "https://www.youtube.com/watch?v=abc",
                JOB,
                DownloadRequest.youtube(Settings.YoutubeDownload.DEFAULTS));

        assertThat(String.join(" ", download))
                .contains(
                        "-f bv*+ba/b",
                        "--merge-output-format mp4",
                        "--remux-video mp4",
                        "--write-subs --sub-langs en,es",
                        "--write-auto-subs",
                        "--ffmpeg-location /usr/bin/ffmpeg",
                        "-P " + JOB + " -o video.%(ext)s");
    }

    @Test
    void machineCaptionsAreLeftOutWhenAutoSubtitlesIsOff() {
        DownloadRequest humanOnly = new DownloadRequest("best", Optional.empty(), List.of("en"), false, Map.of());

        assertThat(YtDlpArguments.download("yt-dlp", Optional.empty(), "https://x", JOB, humanOnly))
                .contains("--write-subs")
                .doesNotContain("--write-auto-subs", "--merge-output-format");
    }

    @Test
    void qualityNamesAHeightOrPassesAFormatSelectorThrough() {
        assertThat(YtDlpArguments.format("best")).containsExactly("-f", "bv*+ba/b");
        assertThat(YtDlpArguments.format("720p")).containsExactly("-f", "bv*+ba/b", "-S", "res:720");
        assertThat(YtDlpArguments.format("137+140")).containsExactly("-f", "137+140");
    }

    @Test
    void aHeaderCannotSmuggleALineBreak() {
        assertThatThrownBy(() -> YtDlpArguments.probe("yt-dlp", "https://x", Map.of("Referer", "a\r\nCookie: x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Referer");
    }

    @Test
    void aPatreonVideoAsksForEverySubtitleRenditionOfItsStreamButNoMachineCaptions() {
        DownloadRequest patreon = DownloadRequest.patreonVideo(Settings.PatreonMedia.DEFAULTS.videos());

        assertThat(String.join(" ", YtDlpArguments.download("yt-dlp", Optional.empty(), "https://x", JOB, patreon)))
                .contains("--write-subs --sub-langs all --sub-format vtt/best")
                .contains("--add-header Referer:https://www.patreon.com/")
                .doesNotContain("--write-auto-subs");
    }

    @Test
    void anUnknownContainerIsRefusedNamingIt() {
        assertThatThrownBy(() -> DownloadRequest.patreonVideo(new Settings.PatreonVideos(true, "best", "mpeg")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"mpeg\"");
    }

    @Test
    void signedUrlsLoseTheirTokensInMessages() {
        assertThat(YtDlp.loggable("https://stream.mux.com/abc.m3u8?token=eyJhbGciOi"))
                .isEqualTo("https://stream.mux.com/abc.m3u8?token=***");
    }
}
