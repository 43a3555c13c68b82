package org.creatorarchiver.patreon.content;

import java.util.List;

/**
 * What a post's text is made of, ready for {@code posts.content_html} / {@code content_text} and for phase 2's media
 * decisions.
 *
 * @param html          {@code content} when Patreon sent it, else the TipTap rendering of {@code content_json_string};
 *                      null when the post has neither (a locked post, a post without text)
 * @param text          the visible text of {@code html} (see {@link VisibleText}); null exactly when html is null
 * @param inlineImages  the images with a Patreon media id, in document order, each media id once
 * @param youTubeLinks  the YouTube videos linked or named in the text, in document order, each video id once
 */
public record PostContent(String html, String text, List<InlineImage> inlineImages, List<VideoLink> youTubeLinks) {

    public static final PostContent NONE = new PostContent(null, null, List.of(), List.of());

    public PostContent {
        if ((html == null) != (text == null)) {
            throw new IllegalArgumentException("html and text are both present or both absent");
        }
        inlineImages = List.copyOf(inlineImages);
        youTubeLinks = List.copyOf(youTubeLinks);
    }
}
