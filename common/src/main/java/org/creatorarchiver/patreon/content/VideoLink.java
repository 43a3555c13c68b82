package org.creatorarchiver.patreon.content;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A video a link names (see {@link VideoLinks}).
 *
 * @param provider the site that hosts the video
 * @param id       its id there: the 11-character YouTube id or the numeric Vimeo id ({@code videos.external_id})
 * @param hash     the hash of an unlisted Vimeo video ({@code vimeo.com/{id}/{hash}}, {@code ?h=} of the player)
 * @param url      the URL that named it, exactly as found but for surrounding spaces (a bare URL stays without scheme)
 */
public record VideoLink(Provider provider, String id, Optional<String> hash, String url) {

    /** The sites whose videos get a {@code videos} row of their own. */
    public enum Provider {
        YOUTUBE("YouTube", "[A-Za-z0-9_-]{11}"),
        VIMEO("Vimeo", "[0-9]{1,20}");

        private final String embedName;
        private final Pattern id;

        Provider(String embedName, String id) {
            this.embedName = embedName;
            this.id = Pattern.compile(id);
        }

        /** The provider an {@code embed.provider} names ({@code YouTube}, {@code Vimeo}, in any case). */
        public static Optional<Provider> named(String embedProvider) {
            for (Provider provider : values()) {
                if (provider.embedName.equalsIgnoreCase(embedProvider)) {
                    return Optional.of(provider);
                }
            }
            return Optional.empty();
        }

        boolean hasIdShape(String candidate) {
            return candidate != null && id.matcher(candidate).matches();
        }
    }

    /** A YouTube video named by {@code url}. */
    public static VideoLink youTube(String id, String url) {
        return new VideoLink(Provider.YOUTUBE, id, Optional.empty(), url);
    }
}
