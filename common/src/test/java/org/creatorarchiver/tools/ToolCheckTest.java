package org.creatorarchiver.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.creatorarchiver.config.AppConfig;
import org.creatorarchiver.config.ExternalTools;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.config.Settings.Media;
import org.creatorarchiver.config.Settings.PatreonMedia;
import org.creatorarchiver.config.Settings.PatreonVideos;
import org.creatorarchiver.config.Settings.Youtube;
import org.creatorarchiver.config.Settings.YoutubeDownload;
import org.creatorarchiver.config.Settings.YoutubeMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolCheckTest {

    private static final ExternalTools INSTALLED = new ExternalTools("yt-dlp", "ffmpeg");

    @TempDir
    Path workingDirectory;

    @Test
    void videoDownloadsOfAnyKindNeedAllThreeTools() {
        assertThat(ToolCheck.requiredTools(Settings.defaults()))
                .as("Patreon videos download by default")
                .containsExactlyInAnyOrder(Tool.YT_DLP, Tool.FFMPEG, Tool.FFPROBE);
        assertThat(ToolCheck.requiredTools(settings(false, YoutubeMode.DOWNLOAD, false)))
                .hasSize(3);
        assertThat(ToolCheck.requiredTools(settings(false, YoutubeMode.EMBED, true)))
                .hasSize(3);
        assertThat(ToolCheck.requiredTools(settings(false, YoutubeMode.EMBED, false)))
                .isEmpty();
    }

    @Test
    void theInstalledToolsPass() throws Exception {
        assertThat(check(INSTALLED).problem(Settings.defaults())).isEmpty();
    }

    @Test
    void aMissingYtDlpIsOneLineNamingYtdlpPath() throws Exception {
        ExternalTools tools = AppConfig.load(Map.of("YTDLP_PATH", "/nonexistent"), workingDirectory)
                .tools();

        assertThat(check(tools).problem(Settings.defaults()))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("yt-dlp is needed (media.patreon.videos.download is true) but does not work:"
                                + " cannot run /nonexistent (")
                        .contains("No such file or directory")
                        .endsWith("; install it or set YTDLP_PATH to its path")
                        .doesNotContain("\n"));
    }

    @Test
    void aMissingFfmpegNamesFfmpegPath() throws Exception {
        ExternalTools tools = new ExternalTools("yt-dlp", "/nonexistent/ffmpeg");

        assertThat(check(tools).problem(settings(false, YoutubeMode.DOWNLOAD, false)))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("ffmpeg is needed (media.youtube.mode is \"download\")")
                        .contains("/nonexistent/ffmpeg", "set FFMPEG_PATH")
                        .doesNotContain("yt-dlp is needed"));
    }

    @Test
    void missingToolsDoNotMatterWhenNoVideoIsDownloaded() throws Exception {
        ExternalTools missing = new ExternalTools("/nonexistent/yt-dlp", "/nonexistent/ffmpeg");

        assertThat(check(missing).problem(settings(false, YoutubeMode.EMBED, false)))
                .isEmpty();
    }

    @Test
    void aYtDlpOlderThanSixMonthsIsWorthAWarning() {
        assertThat(ToolCheck.staleYtDlpWarning("2023.03.04", LocalDate.of(2026, 11, 21)))
                .hasValueSatisfying(warning -> assertThat(warning).contains("2023.03.04", "pip install -U yt-dlp"));
        assertThat(ToolCheck.staleYtDlpWarning("2026.10.01", LocalDate.of(2026, 11, 21)))
                .isEmpty();
        assertThat(ToolCheck.staleYtDlpWarning("2026.10.01.232701", LocalDate.of(2026, 11, 21)))
                .isEmpty();
        assertThat(ToolCheck.staleYtDlpWarning("unknown", LocalDate.of(2026, 11, 21)))
                .isEmpty();
    }

    private static ToolCheck check(ExternalTools tools) {
        return new ToolCheck(tools, new Subprocess(), Clock.systemUTC());
    }

    private static Settings settings(boolean patreonVideos, YoutubeMode mode, boolean downloadIfEmbedFails) {
        Media defaults = Media.DEFAULTS;
        PatreonMedia patreon = new PatreonMedia(
                new PatreonVideos(patreonVideos, "best", "mp4"),
                defaults.patreon().audios(),
                defaults.patreon().attachments());
        Youtube youtube = new Youtube(mode, downloadIfEmbedFails, YoutubeDownload.DEFAULTS);
        return new Settings(
                new Media(defaults.images(), patreon, youtube, defaults.deduplication()),
                Settings.defaults().queue(),
                Settings.defaults().scraping());
    }
}
