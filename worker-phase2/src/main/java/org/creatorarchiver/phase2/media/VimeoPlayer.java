package org.creatorarchiver.phase2.media;

import java.util.List;
import okhttp3.HttpUrl;

/**
 * The player URL of a Vimeo embed: {@code vimeo.com/{id}/{hash}} pages of private videos often answer 404, while
 * {@code player.vimeo.com/video/{id}?h={hash}} plays (patreon-dl#65), so that is the URL a Vimeo embed is kept with.
 */
public final class VimeoPlayer {

    private VimeoPlayer() {}

    public static String url(String embedUrl) {
        HttpUrl url = HttpUrl.parse(embedUrl.startsWith("//") ? "https:" + embedUrl : embedUrl);
        if (url == null || url.host().equals("player.vimeo.com")) {
            return embedUrl;
        }
        List<String> segments = url.pathSegments().stream()
                .filter(segment -> !segment.isEmpty())
                .toList();
        if (segments.isEmpty() || !segments.getFirst().matches("\\d+")) {
            return embedUrl;
        }
        HttpUrl.Builder player = new HttpUrl.Builder()
                .scheme("https")
                .host("player.vimeo.com")
                .addPathSegment("video")
                .addPathSegment(segments.getFirst());
        if (segments.size() > 1 && segments.get(1).matches("[0-9a-f]+")) {
            player.addQueryParameter("h", segments.get(1));
        }
        return player.build().toString();
    }
}
