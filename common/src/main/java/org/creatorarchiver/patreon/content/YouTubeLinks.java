package org.creatorarchiver.patreon.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the YouTube videos a post's HTML points at, in document order: link hrefs, inline players
 * ({@code iframe}/{@code embed} src) and URLs written as plain text, with or without a scheme. Each video id is kept
 * once, with the first URL that named it.
 */
final class YouTubeLinks {

    /**
     * Candidates in text: anything that starts like a YouTube host, up to whitespace or a character that cannot end
     * an unquoted URL; {@link VideoLinks} decides whether it really is a video. The look-behind starts candidates
     * only at the start of a word, and the subdomain count is bounded because Java runs a repeated group by
     * recursion: an unbounded one overflows the stack on a long dotted run.
     */
    private static final Pattern URL_IN_TEXT =
            Pattern.compile("(?i)(?<![\\w.@/-])(?:https?://)?(?:[a-z0-9-]{1,63}\\.){0,3}"
                    + "(?:youtube\\.com|youtube-nocookie\\.com|youtu\\.be)/[^\\s<>\"'()\\[\\]{}]+");
    /** Sentence punctuation after a URL in prose belongs to the sentence. */
    private static final String SENTENCE_PUNCTUATION = ".,;:!?";

    private YouTubeLinks() {}

    static List<VideoLink> in(Element root) {
        Map<String, VideoLink> found = new LinkedHashMap<>();
        root.traverse((NodeVisitor) (Node node, int depth) -> {
            if (node instanceof Element element) {
                add(found, linkOf(element));
            } else if (node instanceof TextNode text) {
                Matcher matcher = URL_IN_TEXT.matcher(text.getWholeText());
                while (matcher.find()) {
                    add(found, withoutTrailingPunctuation(matcher.group()));
                }
            }
        });
        return List.copyOf(found.values());
    }

    /** Where a link ({@code a}) or an inline player ({@code iframe}, {@code embed}) points; empty for others. */
    private static String linkOf(Element element) {
        return switch (element.normalName()) {
            case "a" -> element.attr("href");
            case "iframe", "embed" -> element.attr("src");
            default -> "";
        };
    }

    private static String withoutTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && SENTENCE_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private static void add(Map<String, VideoLink> found, String url) {
        VideoLinks.parse(url)
                .filter(video -> video.provider() == VideoLink.Provider.YOUTUBE)
                .ifPresent(video -> found.putIfAbsent(video.id(), video));
    }
}
