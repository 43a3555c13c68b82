package org.creatorarchiver.patreon.content;

/**
 * A YouTube video a post's text points at (a link, a bare URL or an inline player).
 *
 * @param videoId the 11-character YouTube id
 * @param url     the first URL that named it, exactly as found (a bare URL without scheme stays without)
 */
public record YouTubeLink(String videoId, String url) {}
