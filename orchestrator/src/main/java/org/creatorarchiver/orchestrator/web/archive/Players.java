package org.creatorarchiver.orchestrator.web.archive;

import java.util.regex.Pattern;
import org.creatorarchiver.db.generated.enums.VideoProvider;

/**
 * The players a kept embed plays in: YouTube's privacy-enhanced one ({@code youtube-nocookie.com}, no cookie until
 * play) and Vimeo's. Only ids of the provider's own shape make a URL, so nothing from a post can point the frame
 * elsewhere (the Content-Security-Policy allows frames from these two hosts only).
 */
final class Players {

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern VIMEO_ID = Pattern.compile("\\d{1,12}");
    private static final Pattern VIMEO_PLAYER =
            Pattern.compile("https://player\\.vimeo\\.com/video/\\d{1,12}(\\?h=[0-9a-f]{1,20})?");

    private Players() {}

    /** The player of the video, or null for a Patreon video or an id of the wrong shape. */
    static String embedUrl(VideoProvider provider, String externalId, String url) {
        if (provider == VideoProvider.youtube
                && externalId != null
                && YOUTUBE_ID.matcher(externalId).matches()) {
            return "https://www.youtube-nocookie.com/embed/" + externalId;
        }
        if (provider == VideoProvider.vimeo
                && externalId != null
                && VIMEO_ID.matcher(externalId).matches()) {
            // The stored player URL keeps the unlisted-video hash (?h=) that the bare id would lack.
            return url != null && VIMEO_PLAYER.matcher(url).matches()
                    ? url
                    : "https://player.vimeo.com/video/" + externalId;
        }
        return null;
    }
}
