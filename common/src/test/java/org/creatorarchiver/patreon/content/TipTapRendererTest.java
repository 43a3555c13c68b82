package org.creatorarchiver.patreon.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creatorarchiver.testing.patreon.PatreonSamples;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 2026 editor's documents as HTML: what a reader of the archive sees, and what an attacker cannot slip in. */
class TipTapRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String sampleDocument() {
        ObjectNode post = PatreonSamples.json("post-text-content-json.json");
        return post.path("data").path("attributes").path("content_json_string").textValue();
    }

    @Test
    void theSamplePostRendersItsHeadingMarksLinkImageAndList() throws Exception {
        String html = TipTapRenderer.toHtml(sampleDocument());

        assertThat(html)
                .startsWith("<h3>Studio update \u2014 June</h3><p>Thanks to everyone who joined this month! ")
                .contains("<strong>Episode 13</strong> is rendering now.")
                .contains(
                        "<a href=\"https://example.org/notes\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">"
                                + "the wiki</a>.</p>")
                .contains("<img src=\"https://c10.patreonusercontent.com/4/patreon-media/p/post/150000006/"
                        + "36f5b75a1f14708a0384c0aed6e8f085/eyJ3IjoxMDgwfQ%3D%3D/1.png?token-hash="
                        + "E64oYQ_5qorF3AQyJdYVNfdIDJu6aLeG7BYHUM8Q5uE%3D&amp;token-time=1782345600\" "
                        + "data-media-id=\"700000061\" data-alignment=\"center\">")
                .contains("<ul><li><p>New tier perks</p></li><li><p>Q&amp;A next week</p></li></ul>")
                .endsWith("<p></p>");
    }

    @Test
    void everyKnownNodeAndMarkHasItsElement() throws Exception {
        String document = """
                {"type":"doc","content":[
                  {"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Title"}]},
                  {"type":"heading","attrs":{"level":9},"content":[{"type":"text","text":"Too deep a level"}]},
                  {"type":"paragraph","content":[
                    {"type":"text","marks":[{"type":"bold"},{"type":"italic"}],"text":"both"},
                    {"type":"text","marks":[{"type":"underline"}],"text":"u"},
                    {"type":"text","marks":[{"type":"strike"}],"text":"s"},
                    {"type":"text","marks":[{"type":"code"}],"text":"x = 1"},
                    {"type":"text","marks":[{"type":"textStyle","attrs":{"color":"red"}}],"text":" plain"},
                    {"type":"hardBreak"},
                    {"type":"text","marks":[{"type":"link","attrs":{"href":"mailto:me@example.org"}}],"text":"mail"}]},
                  {"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"quoted"}]}]},
                  {"type":"orderedList","attrs":{"start":3},"content":[
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"third"}]}]}]},
                  {"type":"horizontalRule"},
                  {"type":"codeBlock","attrs":{"language":"java"},"content":[{"type":"text","text":"a < b"}]},
                  {"type":"image","attrs":{"src":"https://cdn.example/1.png","media_id":42,"alt":"a ship"}}
                ]}""";

        assertThat(TipTapRenderer.toHtml(document))
                .isEqualTo("<h1>Title</h1><h6>Too deep a level</h6>"
                        + "<p><strong><em>both</em></strong><u>u</u><s>s</s><code>x = 1</code> plain<br>"
                        + "<a href=\"mailto:me@example.org\">mail</a></p>"
                        + "<blockquote><p>quoted</p></blockquote>"
                        + "<ol start=\"3\"><li><p>third</p></li></ol><hr>"
                        + "<pre><code class=\"language-java\">a &lt; b</code></pre>"
                        + "<img src=\"https://cdn.example/1.png\" data-media-id=\"42\" alt=\"a ship\">");
    }

    @Test
    void unknownNodesKeepTheirTextInADivForBlocksAndASpanInline() throws Exception {
        String document = """
                {"type":"doc","content":[
                  {"type":"callout","attrs":{"emoji":"!"},"content":[
                    {"type":"paragraph","content":[{"type":"text","text":"inside a callout"}]}]},
                  {"type":"paragraph","content":[
                    {"type":"text","text":"Hi "},
                    {"type":"mention","text":"@crew"},
                    {"type":"text","text":" and "},
                    {"type":"sparkle","content":[{"type":"text","marks":[{"type":"glow"}],"text":"friends"}]}]}
                ]}""";

        assertThat(TipTapRenderer.toHtml(document))
                .isEqualTo("<div data-tiptap-type=\"callout\"><p>inside a callout</p></div>"
                        + "<p>Hi <span data-tiptap-type=\"mention\">@crew</span> and "
                        + "<span data-tiptap-type=\"sparkle\">friends</span></p>");
    }

    @Test
    void textAndAttributesCannotOpenTagsOrLeaveTheirQuotes() throws Exception {
        String document = """
                {"type":"doc","content":[{"type":"paragraph","content":[
                  {"type":"text","text":"<script>alert(1)</script> & more"},
                  {"type":"text","marks":[{"type":"link","attrs":{"href":"https://x.example/?a=\\"><script>alert(2)</script>",
                    "target":"_blank\\" onclick=\\"alert(3)"}}],"text":"quoted"}]},
                  {"type":"image","attrs":{"src":"https://cdn.example/1.png\\" onerror=\\"alert(4)","media_id":"7\\"><b>"}}
                ]}""";

        String html = TipTapRenderer.toHtml(document);

        assertThat(html)
                .doesNotContain("<script>", "\" onclick", "\" onerror", "\"><b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
                .contains("href=\"https://x.example/?a=&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"")
                .contains("target=\"_blank&quot; onclick=&quot;alert(3)\"")
                .contains("src=\"https://cdn.example/1.png&quot; onerror=&quot;alert(4)\"")
                .contains("data-media-id=\"7&quot;&gt;&lt;b&gt;\"");
        assertThat(Jsoup.parseBodyFragment(html).select("script, b, [onclick], [onerror]"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                " JavaScript:alert(1)",
                "java\\nscript:alert(1)",
                "data:text/html;base64,PHNjcmlwdD4=",
                "vbscript:msgbox",
                "/relative/path",
                "ftp://example.org/f"
            })
    void linksToOtherSchemesLoseTheLinkButKeepTheText(String href) throws Exception {
        String document = "{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\","
                + "\"marks\":[{\"type\":\"bold\"},{\"type\":\"link\",\"attrs\":{\"href\":\"" + href + "\"}}],"
                + "\"text\":\"click me\"}]}]}";

        assertThat(TipTapRenderer.toHtml(document)).isEqualTo("<p><strong>click me</strong></p>");
    }

    @Test
    void imagesWithAnUnsafeSourceKeepOnlyTheirMediaId() throws Exception {
        String document = """
                {"type":"doc","content":[{"type":"image","attrs":{"src":"javascript:alert(1)","media_id":"9"}}]}""";

        assertThat(TipTapRenderer.toHtml(document)).isEqualTo("<img data-media-id=\"9\">");
    }

    @Test
    void aDocumentGivenAsAnObjectRendersLikeItsText() throws Exception {
        assertThat(TipTapRenderer.toHtml(JSON.readTree(sampleDocument())))
                .isEqualTo(TipTapRenderer.toHtml(sampleDocument()));
    }

    @Test
    void textThatIsNotJsonIsRefusedWithWhereItBroke() {
        assertThatThrownBy(() -> TipTapRenderer.toHtml("{\"type\":\"doc\",\"content\":[{\"type\":"))
                .isInstanceOf(MalformedContentException.class)
                .hasMessageStartingWith("TipTap document: not JSON (")
                .hasMessageContaining("line 1");
    }

    @Test
    void jsonThatIsNotATipTapDocumentIsRefusedNamingTheNode() {
        assertThatThrownBy(() -> TipTapRenderer.toHtml("\"just a string\""))
                .isInstanceOf(MalformedContentException.class)
                .hasMessage("TipTap document: the node at / is string \"just a string\", expected an object");
        assertThatThrownBy(() -> TipTapRenderer.toHtml(
                        "{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[1]}]}"))
                .isInstanceOf(MalformedContentException.class)
                .hasMessage("TipTap document: the node at /content/0/content/0 is number 1, expected an object");
        assertThatThrownBy(() -> TipTapRenderer.toHtml("{\"type\":\"doc\",\"content\":{\"type\":\"paragraph\"}}"))
                .isInstanceOf(MalformedContentException.class)
                .hasMessageStartingWith("TipTap document: /content is object");
        assertThatThrownBy(() -> TipTapRenderer.toHtml(""))
                .isInstanceOf(MalformedContentException.class)
                .hasMessage("TipTap document: empty");
    }

    @Test
    void aDocumentAtTheDepthLimitRenders() throws Exception {
        String html = TipTapRenderer.toHtml(nested(TipTapRenderer.MAX_DEPTH));

        assertThat(html).contains("deepest").startsWith("<blockquote>");
    }

    @Test
    void aDocumentNestedDeeperThanTheLimitIsRefusedWithoutBlowingTheStack() {
        assertThatThrownBy(() -> TipTapRenderer.toHtml(nested(TipTapRenderer.MAX_DEPTH + 1)))
                .isInstanceOf(MalformedContentException.class)
                .hasMessage("TipTap document: nodes nested deeper than 200 levels");
        // Far deeper than the limit: the JSON parser's own nesting limit answers first, with the same exception.
        assertThatThrownBy(() -> TipTapRenderer.toHtml(nested(100_000)))
                .isInstanceOf(MalformedContentException.class)
                .hasMessageContaining("nesting depth");
    }

    /** A doc whose blockquotes nest until the text node sits at level {@code levels} (the doc is level 1). */
    private static String nested(int levels) {
        int quotes = levels - 2;
        return "{\"type\":\"doc\",\"content\":["
                + "{\"type\":\"blockquote\",\"content\":[".repeat(quotes)
                + "{\"type\":\"text\",\"text\":\"deepest\"}"
                + "]}".repeat(quotes)
                + "]}";
    }
}
