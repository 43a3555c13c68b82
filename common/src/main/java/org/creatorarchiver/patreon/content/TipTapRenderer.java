package org.creatorarchiver.patreon.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Renders the TipTap/ProseMirror document of a post's {@code content_json_string} (patreon-api.md 2.2) to HTML.
 *
 * <p>The HTML is built as jsoup nodes and serialised by jsoup, so every text and attribute value is escaped: nothing
 * in the document can open a tag or leave an attribute. Links keep their href only for http, https and mailto (any
 * other scheme, {@code javascript:} first, loses the link but keeps its text); image sources only for http and https.
 *
 * <p>Known nodes: doc, paragraph, text, heading, image, bulletList, orderedList, listItem, blockquote, codeBlock,
 * hardBreak, horizontalRule. Known marks: bold, italic, underline, strike, code, link, subscript, superscript,
 * highlight; textStyle and unknown marks contribute their text only (styles are dropped, not translated to CSS).
 * A node of an unknown type keeps its content: its children (or its own {@code text}) are rendered inside a
 * {@code <div data-tiptap-type="...">} when they contain a block element, else inside a {@code <span>} of the same
 * kind, so the text stays in the flow it was written in and the HTML says what was not understood.
 *
 * <p>Rendering recurses once per node level, so documents nested deeper than {@link #MAX_DEPTH} nodes are refused
 * rather than risking the stack (a real post is a handful of levels deep).
 */
public final class TipTapRenderer {

    /** The deepest node nesting accepted (the doc node is level 1). */
    public static final int MAX_DEPTH = 200;

    private static final String SUBJECT = "TipTap document";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK_SCHEME = Pattern.compile("(?i)^(https?|mailto):.*", Pattern.DOTALL);
    private static final Pattern IMAGE_SCHEME = Pattern.compile("(?i)^https?:.*", Pattern.DOTALL);
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.-]{1,40}");

    private TipTapRenderer() {}

    /** Renders the JSON text of a TipTap document. */
    public static String toHtml(String documentJson) throws MalformedContentException {
        JsonNode document;
        try {
            document = JSON.readTree(documentJson);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new MalformedContentException(SUBJECT, "not JSON (" + e.getOriginalMessage() + where + ")", e);
        }
        if (document == null || document.isMissingNode()) {
            throw new MalformedContentException(SUBJECT, "empty");
        }
        return toHtml(document);
    }

    /** Renders an already parsed TipTap document (some responses may carry it as an object, not a string). */
    public static String toHtml(JsonNode document) throws MalformedContentException {
        Document shell = Document.createShell("");
        shell.outputSettings().prettyPrint(false);
        appendNode(document, shell.body(), "", 1);
        return shell.body().html();
    }

    private static void appendNode(JsonNode node, Element parent, String path, int depth)
            throws MalformedContentException {
        if (!node.isObject()) {
            throw malformed("the node at " + pointer(path) + " is " + describe(node) + ", expected an object");
        }
        if (depth > MAX_DEPTH) {
            throw malformed("nodes nested deeper than " + MAX_DEPTH + " levels");
        }
        appendNode(node.path("type").asText(""), node, parent, path, depth);
    }

    private static void appendNode(String type, JsonNode node, Element parent, String path, int depth)
            throws MalformedContentException {
        switch (type) {
            case "doc" -> appendChildren(node, parent, path, depth);
            case "text" -> appendText(node, parent, path);
            case "paragraph" -> appendChildren(node, parent.appendElement("p"), path, depth);
            case "heading" -> appendChildren(node, parent.appendElement("h" + headingLevel(node)), path, depth);
            case "bulletList" -> appendChildren(node, parent.appendElement("ul"), path, depth);
            case "orderedList" -> appendChildren(node, orderedList(node, parent), path, depth);
            case "listItem" -> appendChildren(node, parent.appendElement("li"), path, depth);
            case "blockquote" -> appendChildren(node, parent.appendElement("blockquote"), path, depth);
            case "codeBlock" -> appendChildren(node, codeBlock(node, parent), path, depth);
            case "hardBreak" -> parent.appendElement("br");
            case "horizontalRule" -> parent.appendElement("hr");
            case "image" -> appendImage(node, parent);
            default -> appendUnknown(type, node, parent, path, depth);
        }
    }

    private static void appendChildren(JsonNode node, Element parent, String path, int depth)
            throws MalformedContentException {
        JsonNode content = node.path("content");
        if (content.isMissingNode() || content.isNull()) {
            return;
        }
        if (!content.isArray()) {
            throw malformed(pointer(path + "/content") + " is " + describe(content) + ", expected an array");
        }
        for (int i = 0; i < content.size(); i++) {
            appendNode(content.get(i), parent, path + "/content/" + i, depth + 1);
        }
    }

    /** A text node: its marks wrap the text in order, the first mark outermost. */
    private static void appendText(JsonNode node, Element parent, String path) throws MalformedContentException {
        JsonNode marks = node.path("marks");
        if (!marks.isMissingNode() && !marks.isNull() && !marks.isArray()) {
            throw malformed(pointer(path + "/marks") + " is " + describe(marks) + ", expected an array");
        }
        wrapInMarks(marks, parent, path)
                .appendChild(new TextNode(node.path("text").asText("")));
    }

    /** The innermost of the elements the marks become, nested in {@code parent}; {@code parent} when there are none. */
    private static Element wrapInMarks(JsonNode marks, Element parent, String path) throws MalformedContentException {
        Element target = parent;
        for (int i = 0; i < marks.size(); i++) {
            JsonNode mark = marks.get(i);
            if (!mark.isObject()) {
                throw malformed("the mark at " + pointer(path + "/marks/" + i) + " is " + describe(mark)
                        + ", expected an object");
            }
            Element wrapper = markElement(mark);
            if (wrapper != null) {
                target.appendChild(wrapper);
                target = wrapper;
            }
        }
        return target;
    }

    /** The element a mark becomes, or null when it contributes nothing but its text. */
    private static Element markElement(JsonNode mark) {
        return switch (mark.path("type").asText("")) {
            case "bold" -> new Element("strong");
            case "italic" -> new Element("em");
            case "underline" -> new Element("u");
            case "strike" -> new Element("s");
            case "code" -> new Element("code");
            case "subscript" -> new Element("sub");
            case "superscript" -> new Element("sup");
            case "highlight" -> new Element("mark");
            case "link" -> link(mark.path("attrs"));
            default -> null;
        };
    }

    private static Element link(JsonNode attrs) {
        String href = attrs.path("href").asText("").strip();
        if (!LINK_SCHEME.matcher(href).matches()) {
            return null;
        }
        Element link = new Element("a").attr("href", href);
        copyText(attrs, "target", link, "target");
        copyText(attrs, "rel", link, "rel");
        return link;
    }

    private static int headingLevel(JsonNode node) {
        OptionalInt level = integer(node.path("attrs").path("level"));
        return level.isPresent() ? Math.clamp(level.getAsInt(), 1, 6) : 2;
    }

    private static Element orderedList(JsonNode node, Element parent) {
        Element list = parent.appendElement("ol");
        OptionalInt start = integer(node.path("attrs").path("start"));
        if (start.isPresent() && start.getAsInt() != 1) {
            list.attr("start", Integer.toString(start.getAsInt()));
        }
        return list;
    }

    private static Element codeBlock(JsonNode node, Element parent) {
        Element code = parent.appendElement("pre").appendElement("code");
        String language = node.path("attrs").path("language").asText("");
        if (LANGUAGE.matcher(language).matches()) {
            code.attr("class", "language-" + language);
        }
        return code;
    }

    private static void appendImage(JsonNode node, Element parent) {
        JsonNode attrs = node.path("attrs");
        Element image = parent.appendElement("img");
        String src = attrs.path("src").asText("").strip();
        if (IMAGE_SCHEME.matcher(src).matches()) {
            image.attr("src", src);
        }
        JsonNode mediaId = attrs.path("media_id");
        if ((mediaId.isTextual() || mediaId.isIntegralNumber())
                && !mediaId.asText().isBlank()) {
            image.attr("data-media-id", mediaId.asText().strip());
        }
        copyText(attrs, "alt", image, "alt");
        copyText(attrs, "title", image, "title");
        copyText(attrs, "alignment", image, "data-alignment");
    }

    private static void appendUnknown(String type, JsonNode node, Element parent, String path, int depth)
            throws MalformedContentException {
        Element holder = new Element("div");
        JsonNode text = node.path("text");
        if (text.isTextual()) {
            holder.appendChild(new TextNode(text.textValue()));
        }
        appendChildren(node, holder, path, depth);
        boolean holdsBlocks = holder.children().stream().anyMatch(Element::isBlock);
        Element wrapper = parent.appendElement(holdsBlocks ? "div" : "span");
        if (!type.isEmpty()) {
            wrapper.attr("data-tiptap-type", type);
        }
        List<Node> children = new ArrayList<>(holder.childNodes());
        wrapper.appendChildren(children);
    }

    private static void copyText(JsonNode attrs, String name, Element element, String attribute) {
        JsonNode value = attrs.path(name);
        if (value.isTextual() && !value.textValue().isBlank()) {
            element.attr(attribute, value.textValue());
        }
    }

    private static OptionalInt integer(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return OptionalInt.of(value.intValue());
        }
        if (value.isTextual()) {
            try {
                return OptionalInt.of(Integer.parseInt(value.textValue().strip()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    private static MalformedContentException malformed(String problem) {
        return new MalformedContentException(SUBJECT, problem);
    }

    /** A JSON pointer into the document, "/" for the root. */
    private static String pointer(String path) {
        return path.isEmpty() ? "/" : path;
    }

    private static String describe(JsonNode node) {
        String json = node.toString();
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " "
                + (json.length() <= 40 ? json : json.substring(0, 40) + "...");
    }
}
