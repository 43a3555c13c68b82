package org.creatorarchiver.patreon.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Reads a post's text (patreon-api.md 2.2): the HTML of {@code content} when it is not blank, else the TipTap
 * document of {@code content_json_string} rendered by {@link TipTapRenderer} (Patreon's editor has sent
 * {@code content: null} since 2026), else nothing. {@code content} is kept as Patreon sent it; only the rendering of
 * TipTap is ours. Text, inline images and YouTube links are all read from that one HTML, so whichever form a post
 * came in, the same rules apply.
 */
public final class PostContentReader {

    private PostContentReader() {}

    /**
     * @throws MalformedContentException when {@code content} is blank and {@code content_json_string} cannot be
     *                                   rendered; the message names the post
     */
    public static PostContent read(JsonApiResource post) throws MalformedContentException {
        String html = post.nonBlankText("content").orElse(null);
        if (html == null) {
            html = renderTipTap(post);
        }
        if (html == null) {
            return PostContent.NONE;
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        return new PostContent(html, VisibleText.of(body), inlineImages(body), YouTubeLinks.in(body));
    }

    private static String renderTipTap(JsonApiResource post) throws MalformedContentException {
        JsonNode tipTap = post.attribute("content_json_string");
        try {
            if (tipTap.isTextual() && !tipTap.textValue().isBlank()) {
                return TipTapRenderer.toHtml(tipTap.textValue());
            }
            if (tipTap.isObject()) {
                return TipTapRenderer.toHtml(tipTap);
            }
        } catch (MalformedContentException e) {
            throw new MalformedContentException("post " + post.id() + " content_json_string", e.problem(), e);
        }
        return null;
    }

    /** The {@code <img data-media-id>} of the HTML in document order; an image shown twice is one media item. */
    private static List<InlineImage> inlineImages(Element body) {
        Map<String, InlineImage> images = new LinkedHashMap<>();
        for (Element image : body.select("img[data-media-id]")) {
            String mediaId = image.attr("data-media-id").strip();
            if (!mediaId.isEmpty()) {
                images.putIfAbsent(
                        mediaId, new InlineImage(mediaId, image.attr("src").strip()));
            }
        }
        return List.copyOf(images.values());
    }
}
