package org.creatorarchiver.patreon.content;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The numeric video id a Vimeo URL names: {@code vimeo.com/{id}}, {@code vimeo.com/{id}/{hash}} (unlisted videos,
 * patreon-api.md 2.5) and {@code player.vimeo.com/video/{id}[?h={hash}]}. Other Vimeo pages (users, channels'
 * front pages, showcases) and other hosts give nothing.
 */
public final class VimeoIds {

    private static final Pattern VIDEO_ID = Pattern.compile("[0-9]{1,20}");
    private static final Set<String> PAGE_HOSTS = Set.of("vimeo.com", "www.vimeo.com");
    private static final String PLAYER_HOST = "player.vimeo.com";

    private VimeoIds() {}

    public static Optional<String> fromUrl(String url) {
        HttpUrl parsed = WebUrls.parse(url);
        if (parsed == null) {
            return Optional.empty();
        }
        String host = parsed.host().toLowerCase(Locale.ROOT);
        List<String> segments = parsed.pathSegments();
        String candidate = null;
        if (PAGE_HOSTS.contains(host)) {
            candidate = segments.getFirst();
        } else if (PLAYER_HOST.equals(host)
                && segments.size() >= 2
                && segments.getFirst().equals("video")) {
            candidate = segments.get(1);
        }
        return candidate != null && VIDEO_ID.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }
}
