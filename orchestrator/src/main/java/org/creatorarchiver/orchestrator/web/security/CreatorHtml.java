package org.creatorarchiver.orchestrator.web.security;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A creator's post HTML made safe to show: it comes from Patreon and is untrusted, so only text markup, links and
 * images survive (no script, no event handler, no style, no frame, no {@code javascript:}/{@code data:} link), and links
 * open without handing the dashboard's address or window to the other site.
 */
public final class CreatorHtml {

    private static final Safelist SAFE = Safelist.relaxed()
            .removeTags("colgroup", "col")
            .addAttributes("a", "rel")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .removeProtocols("img", "src", "http")
            .addProtocols("img", "src", "http");

    private CreatorHtml() {}

    /** Only the safe part of {@code html}; empty for null. */
    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFE, output);
    }
}
