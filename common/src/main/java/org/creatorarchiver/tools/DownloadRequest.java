package org.creatorarchiver.tools;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creatorarchiver.config.Settings;

/**
 * How yt-dlp should download one video.
 *
 * @param quality           {@code best}, {@code worst}, a height such as {@code 720p} (the best at or
 *                          below it, else the smallest above), or else a yt-dlp format selector used as given
 * @param container         the container the video ends in ({@code mp4}); empty keeps what the site serves
 * @param subtitleLanguages languages of subtitles to fetch ({@code all}: every one); empty fetches none
 * @param autoSubtitles     also take machine captions for a language that has no human subtitles
 * @param headers           extra HTTP headers for every request ({@link YtDlp#PATREON_HEADERS} for Mux HLS)
 */
public record DownloadRequest(
        String quality,
        Optional<String> container,
        List<String> subtitleLanguages,
        boolean autoSubtitles,
        Map<String, String> headers) {

    /** The containers yt-dlp can merge and remux into. */
    public static final Set<String> CONTAINERS = Set.of("mp4", "mkv", "webm", "mov", "avi", "flv");
    /** yt-dlp's {@code --sub-langs} word for every language the video has. */
    static final String ALL_SUBTITLES = "all";

    public DownloadRequest {
        Objects.requireNonNull(quality, "quality");
        if (quality.isBlank()) {
            throw new IllegalArgumentException("video quality must not be blank (use \"best\")");
        }
        container.ifPresent(value -> {
            if (!CONTAINERS.contains(value)) {
                throw new IllegalArgumentException("video format \"" + value + "\" is not a container yt-dlp can"
                        + " produce; use one of mp4, mkv, webm, mov, avi, flv");
            }
        });
        subtitleLanguages = List.copyOf(subtitleLanguages);
        headers = Map.copyOf(headers);
    }

    /** A YouTube download as {@code media.youtube.download_settings} describes it, into mp4. */
    public static DownloadRequest youtube(Settings.YoutubeDownload settings) {
        return new DownloadRequest(
                settings.quality(), Optional.of("mp4"), settings.subtitles(), settings.autoSubtitles(), Map.of());
    }

    /**
     * A Patreon (Mux HLS) video as {@code media.patreon.videos} describes it, with the Referer Mux requires, and every
     * subtitle rendition its stream carries: a creator's captions are few and small, and they are the transcript
     * phase 4 then gets without a paid call.
     */
    public static DownloadRequest patreonVideo(Settings.PatreonVideos settings) {
        return new DownloadRequest(
                settings.quality(),
                Optional.of(settings.format()),
                List.of(ALL_SUBTITLES),
                false,
                YtDlp.PATREON_HEADERS);
    }
}
