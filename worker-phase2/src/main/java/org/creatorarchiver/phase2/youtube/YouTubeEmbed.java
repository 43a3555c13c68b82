package org.creatorarchiver.phase2.youtube;

import org.jsoup.nodes.Entities;

/** How a YouTube video kept as an embed is shown: YouTube's privacy-enhanced player, which sets no cookies until played. */
public final class YouTubeEmbed {

    private YouTubeEmbed() {}

    public static String watchUrl(String videoId) {
        return "https://www.youtube.com/watch?v=" + videoId;
    }

    public static String html(String videoId, String title) {
        String escapedTitle = Entities.escape(title == null || title.isBlank() ? "YouTube video" : title);
        return "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube-nocookie.com/embed/" + videoId
                + "\" title=\"" + escapedTitle + "\" frameborder=\"0\" allow=\"accelerometer; clipboard-write;"
                + " encrypted-media; gyroscope; picture-in-picture\" referrerpolicy=\"strict-origin-when-cross-origin\""
                + " allowfullscreen></iframe>";
    }
}
