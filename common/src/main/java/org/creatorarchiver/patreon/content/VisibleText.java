package org.creatorarchiver.patreon.content;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The text a reader sees in a piece of HTML, as stored in {@code posts.content_text} (docs/ARCHITECTURE.md "Reading a
 * post"): entities decoded, marks and links contribute only their text, each block (paragraph, heading, list item,
 * quote, ...) on its own line and {@code <br>} a line break; runs of whitespace become one space, lines are trimmed,
 * and so is the whole. Empty blocks add no blank lines; only consecutive {@code <br>}s do, as the author wrote them.
 * Inside {@code <pre>} whitespace is kept as written. Scripts, styles and templates are not visible and contribute
 * nothing; neither do images.
 */
public final class VisibleText {

    private static final Set<String> INVISIBLE = Set.of("script", "style", "template", "noscript", "head");

    private VisibleText() {}

    public static String ofHtml(String html) {
        return of(Jsoup.parseBodyFragment(html).body());
    }

    public static String of(Element root) {
        Lines lines = new Lines();
        root.filter(new VisibleNodes(lines));
        return lines.toString();
    }

    /** Feeds the visible text of the nodes it visits to {@link Lines}, skipping what is never shown. */
    private static final class VisibleNodes implements NodeFilter {
        private final Lines lines;

        VisibleNodes(Lines lines) {
            this.lines = lines;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                lines.text(text.getWholeText(), insidePre(text));
            } else if (node instanceof Element element) {
                if (INVISIBLE.contains(element.normalName())) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (element.normalName().equals("br")) {
                    lines.lineBreak();
                } else if (element.isBlock()) {
                    lines.endLine();
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && element.isBlock()) {
                lines.endLine();
            }
            return FilterResult.CONTINUE;
        }
    }

    private static boolean insidePre(TextNode text) {
        for (Element parent = text.parent() instanceof Element element ? element : null;
                parent != null;
                parent = parent.parent()) {
            if (parent.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }

    /** Accumulates text with collapsed whitespace; a space is written only between two visible characters. */
    private static final class Lines {
        private final StringBuilder out = new StringBuilder();
        private boolean pendingSpace;

        void text(String text, boolean preformatted) {
            if (preformatted) {
                out.append(text.replace("\r\n", "\n"));
                pendingSpace = false;
                return;
            }
            appendCollapsed(text);
        }

        private void appendCollapsed(String text) {
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                i += Character.charCount(c);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    pendingSpace = !atLineStart();
                } else {
                    if (pendingSpace) {
                        out.append(' ');
                        pendingSpace = false;
                    }
                    out.appendCodePoint(c);
                }
            }
        }

        void lineBreak() {
            out.append('\n');
            pendingSpace = false;
        }

        /** Ends the current line unless nothing has been written on it: blocks never add blank lines. */
        void endLine() {
            if (!atLineStart()) {
                out.append('\n');
            }
            pendingSpace = false;
        }

        private boolean atLineStart() {
            return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
        }

        @Override
        public String toString() {
            return out.toString().strip();
        }
    }
}
