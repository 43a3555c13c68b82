package org.creatorarchiver.patreon.content;

/**
 * An image placed in a post's text ({@code <img data-media-id>}), which phase 2 records as image media.
 *
 * @param mediaId the Patreon media id, as written in the HTML
 * @param src     the signed CDN URL as found (entities decoded); empty when the image had none
 */
public record InlineImage(String mediaId, String src) {}
