package org.creatorarchiver.patreon.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;
import org.creatorarchiver.patreon.jsonapi.ResourceKey;
import org.creatorarchiver.testing.patreon.PatreonSamples;
import org.junit.jupiter.api.Test;

/** A post's HTML, text, inline images and YouTube links, from both forms Patreon sends the text in. */
class PostContentReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPostOfTheNewEditorIsRenderedFromItsTipTapDocument() throws Exception {
        PostContent content = PostContentReader.read(samplePost("post-text-content-json.json", "150000006"));

        assertThat(content.html()).isEqualTo(TipTapRenderer.toHtml(TipTapRendererTest.sampleDocument()));
        assertThat(content.text()).isEqualTo("""
                Studio update \u2014 June
                Thanks to everyone who joined this month! Episode 13 is rendering now. Notes are on the wiki.
                New tier perks
                Q&A next week""");
        assertThat(content.inlineImages())
                .extracting(InlineImage::mediaId, InlineImage::src)
                .containsExactly(tuple(
                        "700000061",
                        "https://c10.patreonusercontent.com/4/patreon-media/p/post/150000006/"
                                + "36f5b75a1f14708a0384c0aed6e8f085/eyJ3IjoxMDgwfQ%3D%3D/1.png?token-hash="
                                + "E64oYQ_5qorF3AQyJdYVNfdIDJu6aLeG7BYHUM8Q5uE%3D&token-time=1782345600"));
        assertThat(content.youTubeLinks()).isEmpty();
    }

    @Test
    void htmlContentIsKeptAsSentAndItsInlineImagesCarryTheirMediaIds() throws Exception {
        JsonApiResource post = samplePost("posts-page-2-last.json", "150000000");

        PostContent content = PostContentReader.read(post);

        assertThat(content.html()).isEqualTo(post.text("content").orElseThrow());
        assertThat(content.text()).isEqualTo("Welcome! Here is what we are making.");
        assertThat(content.inlineImages())
                .containsExactly(new InlineImage(
                        "700000001",
                        "https://c10.patreonusercontent.com/4/patreon-media/p/post/150000000/6b46ce3bac63060447bff5ca22867317/"
                                + "eyJhIjoxLCJwIjoxfQ%3D%3D/1.png?token-hash=YVcZ5gpR2AuKbyXCqwNSBCezCEG0ekCv93JgHmPc15c%3D"
                                + "&token-time=1782345600"));
    }

    @Test
    void theSamplePostsWithHtmlGiveTheirParagraphsAsLinesAndLinksAsText() throws Exception {
        assertThat(PostContentReader.read(samplePost("post-video-mux.json", "150000004"))
                        .text())
                .isEqualTo("Extended cut with 6 extra minutes.\nProject files");
        PostContent images = PostContentReader.read(samplePost("post-image-attachments.json", "150000002"));
        assertThat(images.text()).isEqualTo("Two concept sheets and the Blender files.");
        assertThat(images.inlineImages()).isEmpty();
        assertThat(PostContentReader.read(samplePost("post-youtube-embed.json", "150000005"))
                        .youTubeLinks())
                .isEmpty();
    }

    @Test
    void aLockedPostWithoutTextHasNoContent() throws Exception {
        PostContent content = PostContentReader.read(samplePost("posts-page-locked-anonymous.json", "150000004"));

        assertThat(content).isEqualTo(PostContent.NONE);
        assertThat(content.html()).isNull();
        assertThat(content.text()).isNull();
    }

    @Test
    void blankContentFallsBackToTheTipTapDocument() throws Exception {
        PostContent content = PostContentReader.read(
                post(
                        "  ",
                        "{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}"));

        assertThat(content.html()).isEqualTo("<p>hi</p>");
        assertThat(content.text()).isEqualTo("hi");
    }

    @Test
    void theTextOfAHandWrittenDocumentSeparatesBlocksAndKeepsOnlyWhatIsVisible() throws Exception {
        String document = """
                {"type":"doc","content":[
                  {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Fish &amp; chips"}]},
                  {"type":"paragraph","content":[
                    {"type":"text","text":"One   two "},
                    {"type":"text","marks":[{"type":"bold"}],"text":"three"},
                    {"type":"hardBreak"},
                    {"type":"text","marks":[{"type":"link","attrs":{"href":"https://example.org"}}],"text":"four"},
                    {"type":"text","text":" <five>"}]},
                  {"type":"paragraph"},
                  {"type":"bulletList","content":[
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"a"}]}]},
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"b"}]}]}]},
                  {"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"said"}]}]},
                  {"type":"horizontalRule"},
                  {"type":"paragraph","content":[{"type":"text","text":"end\\u00a0 "}]}
                ]}""";

        assertThat(PostContentReader.read(post(null, document)).text())
                .isEqualTo("Fish &amp; chips\nOne two three\nfour <five>\na\nb\nsaid\nend");
    }

    @Test
    void htmlTextDecodesEntitiesAndSkipsWhatIsNotVisible() throws Exception {
        String html = "<h2>Fish &amp; chips&nbsp;&lt;3</h2><p>a<br><br>b</p><script>var x = 1;</script>"
                + "<ul><li>one</li><li>two</li></ul><pre>  keep\n    this</pre><p>caf&eacute;</p>";

        assertThat(PostContentReader.read(post(html, null)).text())
                .isEqualTo("Fish & chips <3\na\n\nb\none\ntwo\n  keep\n    this\ncafé");
    }

    @Test
    void unknownTipTapNodesKeepTheirTextInTheTextToo() throws Exception {
        String document = """
                {"type":"doc","content":[{"type":"callout","content":[
                  {"type":"paragraph","content":[{"type":"text","text":"Heads up"}]}]},
                  {"type":"paragraph","content":[{"type":"text","text":"and "},{"type":"mention","text":"@crew"}]}]}""";

        assertThat(PostContentReader.read(post(null, document)).text()).isEqualTo("Heads up\nand @crew");
    }

    @Test
    void youTubeLinksAreFoundInHrefsPlayersAndPlainTextOncePerVideoInOrder() throws Exception {
        String html = "<p>Watch <a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=42\">this</a> or "
                + "https://youtu.be/dQw4w9WgXcQ again.</p>"
                + "<p>Also youtu.be/abcdefghijk. And (https://m.youtube.com/shorts/ABCDEFGHIJK)!</p>"
                + "<iframe src=\"https://www.youtube-nocookie.com/embed/A1b2C3d4E5f?rel=0\"></iframe>"
                + "<p>Not these: https://youtube.com.evil.com/watch?v=zzzzzzzzzzz "
                + "https://www.youtube.com/watch?v=short <a href=\"https://vimeo.com/1\">vimeo</a></p>";

        assertThat(PostContentReader.read(post(html, null)).youTubeLinks())
                .containsExactly(
                        VideoLink.youTube("dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42"),
                        VideoLink.youTube("abcdefghijk", "youtu.be/abcdefghijk"),
                        VideoLink.youTube("ABCDEFGHIJK", "https://m.youtube.com/shorts/ABCDEFGHIJK"),
                        VideoLink.youTube("A1b2C3d4E5f", "https://www.youtube-nocookie.com/embed/A1b2C3d4E5f?rel=0"));
    }

    @Test
    void youTubeLinksOfATipTapDocumentAreFoundInItsRendering() throws Exception {
        String document = """
                {"type":"doc","content":[{"type":"paragraph","content":[
                  {"type":"text","marks":[{"type":"link","attrs":{"href":"https://youtu.be/dQw4w9WgXcQ?si=x"}}],"text":"clip"},
                  {"type":"text","text":" and https://music.youtube.com/watch?v=ABCDEFGHIJK"}]}]}""";

        assertThat(PostContentReader.read(post(null, document)).youTubeLinks())
                .extracting(VideoLink::id)
                .containsExactly("dQw4w9WgXcQ", "ABCDEFGHIJK");
    }

    @Test
    void longRunsOfUrlLikeTextAreScannedQuickly() {
        String dotted = "a.".repeat(200_000) + "youtube.co/";
        String html =
                "<p>" + dotted + " " + "youtube.com/".repeat(50_000) + " youtu.be/" + ".".repeat(200_000) + "</p>";

        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThat(PostContentReader.read(post(html, null)).youTubeLinks())
                        .isEmpty());
    }

    @Test
    void theSameInlineImageTwiceIsOneMediaItem() throws Exception {
        String html = "<p><img src=\"https://cdn.example/a.png\" data-media-id=\"5\"></p>"
                + "<img src=\"https://cdn.example/other.png\"><img src=\"https://cdn.example/b.png\" data-media-id=\"6\">"
                + "<img src=\"https://cdn.example/a-again.png\" data-media-id=\"5\">";

        assertThat(PostContentReader.read(post(html, null)).inlineImages())
                .containsExactly(
                        new InlineImage("5", "https://cdn.example/a.png"),
                        new InlineImage("6", "https://cdn.example/b.png"));
    }

    @Test
    void anUnreadableTipTapDocumentIsRefusedNamingThePost() {
        assertThatThrownBy(() -> PostContentReader.read(post(null, "{\"type\":\"doc\",")))
                .isInstanceOf(MalformedContentException.class)
                .hasMessageStartingWith("post 1 content_json_string: not JSON (");
    }

    private static JsonApiResource samplePost(String sample, String id) throws Exception {
        JsonApiDocument document = JsonApiDocument.parse(PatreonSamples.text(sample), sample);
        return document.data().stream()
                .filter(post -> post.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static JsonApiResource post(String content, String contentJson) {
        ObjectNode node = JSON.createObjectNode().put("type", "post").put("id", "1");
        ObjectNode attributes = node.putObject("attributes");
        attributes.put("content", content);
        attributes.put("content_json_string", contentJson);
        return new JsonApiResource(new ResourceKey("post", "1"), node);
    }
}
