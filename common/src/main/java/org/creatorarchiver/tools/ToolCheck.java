package org.creatorarchiver.tools;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creatorarchiver.config.ExternalTools;
import org.creatorarchiver.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up check: the programs the settings will need must run ({@code yt-dlp --version},
 * {@code ffmpeg -version}, {@code ffprobe -version}), so that a missing one is one line at start-up naming the
 * variable to set, not a failed download hours later.
 */
public final class ToolCheck {

    /** yt-dlp is a Python program: its first start on a cold disk can take seconds. */
    static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
    /** YouTube changes every few weeks; a yt-dlp this old usually cannot download from it any more. */
    static final Period STALE_YT_DLP = Period.ofMonths(6);

    private static final Logger log = LoggerFactory.getLogger(ToolCheck.class);
    private static final Pattern YT_DLP_VERSION = Pattern.compile("(\\d{4})\\.(\\d{2})\\.(\\d{2})");

    private final ExternalTools tools;
    private final Subprocess subprocess;
    private final Clock clock;

    public ToolCheck(ExternalTools tools, Subprocess subprocess, Clock clock) {
        this.tools = tools;
        this.subprocess = subprocess;
        this.clock = clock;
    }

    /**
     * yt-dlp when YouTube videos may be downloaded ({@code media.youtube.mode} "download" or
     * {@code download_if_embed_fails}) or Patreon videos are ({@code media.patreon.videos.download}: Mux HLS);
     * then also ffmpeg (yt-dlp merges streams and fixes HLS with it) and ffprobe (durations yt-dlp does not know).
     */
    public static Set<Tool> requiredTools(Settings settings) {
        return videoDownloadReason(settings).isPresent() ? EnumSet.allOf(Tool.class) : EnumSet.noneOf(Tool.class);
    }

    /**
     * Runs each tool the settings need and logs its version.
     *
     * @return one line naming every tool that does not run and the variable to set; empty when all run
     */
    public Optional<String> problem(Settings settings) throws InterruptedException {
        Optional<String> reason = videoDownloadReason(settings);
        List<String> problems = new ArrayList<>();
        for (Tool tool : requiredTools(settings)) {
            try {
                String version = version(tool);
                log.info("{} {} ({})", tool.displayName(), version, tool.command(tools));
                if (tool == Tool.YT_DLP && youtubeDownloads(settings)) {
                    staleYtDlpWarning(version, LocalDate.now(clock)).ifPresent(log::warn);
                }
            } catch (ToolException e) {
                problems.add(tool.displayName() + " is needed (" + reason.orElseThrow() + ") but does not work: "
                        + e.summary() + "; " + remedy(tool));
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /** A warning when yt-dlp's version (a date) is older than {@link #STALE_YT_DLP} on {@code today}. */
    static Optional<String> staleYtDlpWarning(String version, LocalDate today) {
        Matcher date = YT_DLP_VERSION.matcher(version);
        if (!date.lookingAt()) {
            return Optional.empty();
        }
        try {
            LocalDate released = LocalDate.of(
                    Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)));
            if (released.plus(STALE_YT_DLP).isBefore(today)) {
                return Optional.of("yt-dlp " + version + " is older than six months; YouTube downloads usually need"
                        + " a current yt-dlp (pip install -U yt-dlp, or rebuild the image)");
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private String version(Tool tool) throws ToolException, InterruptedException {
        Command command = new Command(
                "its version check",
                tool.versionCommand(tools),
                Path.of(System.getProperty("java.io.tmpdir")),
                VERSION_TIMEOUT);
        String output = subprocess.run(command).stdout().strip();
        String firstLine = output.lines().findFirst().orElse("");
        // "ffmpeg version 5.1.9-0+deb12u1 Copyright (c) ..." -> "5.1.9-0+deb12u1"; yt-dlp prints the bare version.
        String[] words = firstLine.split("\\s+");
        return words.length >= 3 && words[1].equals("version") ? words[2] : firstLine;
    }

    private static String remedy(Tool tool) {
        return switch (tool) {
            case YT_DLP, FFMPEG -> "install it or set " + tool.variable() + " to its path";
            case FFPROBE -> "install it next to ffmpeg (in " + tool.variable() + "'s directory) or on PATH";
        };
    }

    private static boolean youtubeDownloads(Settings settings) {
        Settings.Youtube youtube = settings.media().youtube();
        return youtube.mode() == Settings.YoutubeMode.DOWNLOAD || youtube.downloadIfEmbedFails();
    }

    private static Optional<String> videoDownloadReason(Settings settings) {
        Settings.Youtube youtube = settings.media().youtube();
        if (youtube.mode() == Settings.YoutubeMode.DOWNLOAD) {
            return Optional.of("media.youtube.mode is \"download\"");
        } else if (youtube.downloadIfEmbedFails()) {
            return Optional.of("media.youtube.download_if_embed_fails is true");
        } else if (settings.media().patreon().videos().download()) {
            return Optional.of("media.patreon.videos.download is true");
        }
        return Optional.empty();
    }
}
