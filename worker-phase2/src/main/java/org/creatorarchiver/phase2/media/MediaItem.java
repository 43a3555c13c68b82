package org.creatorarchiver.phase2.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalDouble;
import org.creatorarchiver.db.generated.enums.PostMediaKind;

/**
 * One media item of a post as Patreon shows it, before any decision: what it is, where it is, and what identifies it
 * across posts and across the expiry of its signed URL.
 *
 * @param kind            image, audio, video, attachment or embed
 * @param sourceUrl       where to fetch it (a signed CDN URL, a Mux playlist, an embed's page URL); may be absent
 * @param externalMediaId the Patreon media id, or the provider's id for an embed (YouTube id, Vimeo id)
 * @param provider        for videos: which {@code videos.provider} it is (patreon, youtube, vimeo); empty otherwise
 * @param durationSeconds the duration Patreon reports, for videos and audio
 * @param metadata        what else is worth keeping ({@code post_media.metadata}): CDN file key, original file name,
 *                        size, MIME type, dimensions, delivery, embed HTML...
 */
public record MediaItem(
        PostMediaKind kind,
        Optional<String> sourceUrl,
        Optional<String> externalMediaId,
        Optional<VideoSource> provider,
        OptionalDouble durationSeconds,
        ObjectNode metadata) {

    /** Where a video lives, which decides how it is archived. */
    public enum VideoSource {
        PATREON,
        YOUTUBE,
        VIMEO
    }

    /**
     * What makes two items the same media, also across posts: the media id, else the URL without its query (signed
     * URLs change their query on every fetch).
     */
    public String identity() {
        return kind + ":"
                + externalMediaId.orElseGet(
                        () -> sourceUrl.map(MediaItem::withoutQuery).orElse("?"));
    }

    public static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
