package org.creatorarchiver.patreon.content;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The video id a YouTube URL names (docs/ARCHITECTURE.md "Reading a post": the {@code v=} parameter or the id path
 * segment). Recognised:
 * {@code youtube.com/watch?v=ID} and {@code /embed/ID}, {@code /shorts/ID}, {@code /live/ID}, {@code /v/ID} on
 * youtube.com, www., m. and music. hosts, {@code youtube-nocookie.com/embed/ID}, and {@code youtu.be/ID}. The host must
 * be one of those exactly (so {@code youtube.com.evil.com} and {@code notyoutube.com} are not YouTube) and the id
 * exactly 11 characters of {@code [A-Za-z0-9_-]}. A URL without a scheme ({@code youtu.be/ID}, {@code //www.youtube.com/...})
 * is read as https, as people write them in post text and Embedly writes them in iframes.
 */
public final class YouTubeIds {

    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Set<String> YOUTUBE_HOSTS = Set.of(
            "youtube.com",
            "www.youtube.com",
            "m.youtube.com",
            "music.youtube.com",
            "youtube-nocookie.com",
            "www.youtube-nocookie.com");
    private static final Set<String> SHORT_HOSTS = Set.of("youtu.be", "www.youtu.be");
    private static final Set<String> ID_PATH_PREFIXES = Set.of("embed", "shorts", "live", "v");
    /** Path segments in the id position that are not videos but happen to have an id's shape. */
    private static final Set<String> NOT_VIDEO_IDS = Set.of("videoseries");

    private YouTubeIds() {}

    public static Optional<String> fromUrl(String url) {
        HttpUrl parsed = WebUrls.parse(url);
        if (parsed == null) {
            return Optional.empty();
        }
        String host = parsed.host().toLowerCase(Locale.ROOT);
        List<String> segments = parsed.pathSegments();
        String candidate = null;
        if (SHORT_HOSTS.contains(host)) {
            candidate = segments.getFirst();
        } else if (YOUTUBE_HOSTS.contains(host)) {
            if (segments.size() == 1 && segments.getFirst().equals("watch")) {
                candidate = parsed.queryParameter("v");
            } else if (segments.size() >= 2 && ID_PATH_PREFIXES.contains(segments.getFirst())) {
                candidate = segments.get(1);
            }
        }
        return candidate != null && VIDEO_ID.matcher(candidate).matches() && !NOT_VIDEO_IDS.contains(candidate)
                ? Optional.of(candidate)
                : Optional.empty();
    }
}
