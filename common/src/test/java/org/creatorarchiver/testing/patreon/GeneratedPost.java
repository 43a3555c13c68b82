package org.creatorarchiver.testing.patreon;

/**
 * What {@link FakeCreator#addPostsOfEveryKind} made one post from, so that a test can say what the archive must hold
 * for it without reading the fake's JSON back.
 *
 * @param postId  the post's external id
 * @param kind    which sample post it copies
 * @param variant which set of media it shows (0, 1 or 2; see {@link #mediaId}); posts of the same kind and variant
 *                show the same media
 * @param locked  shown as a viewer without access sees it (no text, no media URLs)
 * @param longVideo a Patreon video of {@link #LONG_VIDEO_SECONDS}, over the default limit (its own media id)
 */
public record GeneratedPost(String postId, Kind kind, int variant, boolean locked, boolean longVideo) {

    /** The sample post each generated post copies, in the order the posts cycle through them. */
    public enum Kind {
        /** image_file: a cover image (700000002) and an inline image in the HTML (700000001). */
        IMAGE_WITH_INLINE_IMAGE,
        /** video_embed: Vimeo 905512347 (the same video in every variant). */
        VIMEO,
        /** image_file: two images (700000021, 700000022) and a zip attachment (700000023). */
        IMAGES_AND_ATTACHMENT,
        /** audio_file: an mp3 (216500777). */
        AUDIO,
        /** video_external_file: a Patreon (Mux HLS) video (216581623), 1653 s unless {@link #longVideo}. */
        PATREON_VIDEO,
        /** video_embed: a YouTube video (yT3mbedID01 and its variants), on the fake's video page when it has one. */
        YOUTUBE,
        /** text_only: a TipTap document ({@code content_json_string}) with an inline image (700000061). */
        TIPTAP_TEXT
    }

    public static final double LONG_VIDEO_SECONDS = 3600.0;
    /** The variant whose ids and file keys the long videos use (no short video shares them). */
    static final int LONG_VIDEO_VARIANT = 9;
    /**
     * Variants 1 and 2 have their own media ids, but variant 2's files are variant 1's files under new ids: the same
     * bytes uploaded again to other posts, as creators do. So variant 0 and variant 1 are distinct files, and
     * variant 2 adds references only.
     */
    static final int SAME_BYTES_AS_VARIANT_1 = 2;

    /** The media id this post shows in place of the sample's {@code sampleMediaId}. */
    public String mediaId(String sampleMediaId) {
        return renamedMediaId(sampleMediaId, longVideo ? LONG_VIDEO_VARIANT : variant);
    }

    /** The YouTube video id of a {@link Kind#YOUTUBE} post. */
    public String youTubeId() {
        return renamedYouTubeId(variant);
    }

    static String renamedMediaId(String sampleMediaId, int variant) {
        return variant == 0 ? sampleMediaId : String.valueOf(Long.parseLong(sampleMediaId) + variant * 1_000_000L);
    }

    static String renamedYouTubeId(int variant) {
        return "yT3mbedID" + variant + "1";
    }

    /** The 32-hex CDN file key standing for {@code sampleKey} in a variant (variant 2 reuses variant 1's keys). */
    static String renamedFileKey(String sampleKey, int variant) {
        int keyVariant = variant == SAME_BYTES_AS_VARIANT_1 ? 1 : variant;
        return keyVariant == 0 ? sampleKey : sampleKey.substring(0, 30) + String.format("%02x", keyVariant);
    }
}
