package org.creatorarchiver.patreon.creator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The campaign a creator page (HTML) is about, read from the data the page embeds. Patreon changes its page
 * generation every few months, so several places are tried, most structured first (patreon-api.md 1.1, A-D):
 * the {@code __NEXT_DATA__} bootstrap, the Next.js 13 {@code self.__next_f} stream, a {@code links.self} campaign
 * URL, and the {@code og:image} teaser card.
 */
public final class CreatorPage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Pattern> STREAM_PATTERNS = List.of(
            Pattern.compile(
                    "\\{\\\\\"value\\\\\":\\{\\\\\"campaign\\\\\":\\{\\\\\"data\\\\\":\\{\\\\\"id\\\\\":\\\\\"(\\d+)\\\\\""),
            Pattern.compile("campaign_id\\\\\",\\\\\"unit_id\\\\\":\\\\\"(\\d+)\\\\\""));
    private static final Pattern STREAM_VANITY = Pattern.compile(
            "\\\\\"campaign\\\\\":\\{\\\\\"data\\\\\":\\{[^}]*?\\\\\"vanity\\\\\":\\\\\"([A-Za-z0-9_-]+)\\\\\"");
    private static final Pattern SELF_LINK = Pattern.compile("\"self\":\\s?\"https?://[^\"]*/api/campaigns/(\\d+)\"");
    private static final Pattern TEASER_CARD = Pattern.compile("/card-teaser-image/creator/(\\d+)");

    /** What the page says: the campaign id and, when the bootstrap has them, the vanity and name. */
    public record Found(String campaignId, Optional<String> vanity, Optional<String> name, String where) {}

    private CreatorPage() {}

    /**
     * @return the campaign the page is about; empty when the page carries none of the known data (not a creator
     *         page, or a page generation we do not know: the caller says which)
     */
    public static Optional<Found> campaign(String html) {
        Document page = Jsoup.parse(html);
        return fromNextData(page)
                .or(() -> fromStream(html))
                .or(() -> first(SELF_LINK, html)
                        .map(id -> new Found(id, Optional.empty(), Optional.empty(), "links.self")))
                .or(() -> ogImage(page).map(id -> new Found(id, Optional.empty(), Optional.empty(), "og:image")));
    }

    /** Whether the page is one of Patreon's app pages at all (as opposed to an error or login page). */
    public static boolean hasAppData(String html) {
        return html.contains("__NEXT_DATA__") || html.contains("self.__next_f");
    }

    private static Optional<Found> fromNextData(Document page) {
        Optional<JsonNode> envelope = bootstrapEnvelope(page);
        if (envelope.isEmpty()) {
            return Optional.empty();
        }
        for (String bootstrap : List.of("pageBootstrap", "bootstrap")) {
            Optional<Found> found = campaignIn(envelope.get().path(bootstrap), bootstrap);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** {@code __NEXT_DATA__}'s bootstrap envelope; empty when the page has no such script or it is not JSON. */
    private static Optional<JsonNode> bootstrapEnvelope(Document page) {
        Element script = page.getElementById("__NEXT_DATA__");
        if (script == null) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(script.data());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        return Optional.of(root.path("props").path("pageProps").path("bootstrapEnvelope"));
    }

    private static Optional<Found> campaignIn(JsonNode bootstrapNode, String bootstrap) {
        JsonNode campaign = bootstrapNode.path("campaign").path("data");
        JsonNode id = campaign.path("id");
        if (!(id.isTextual() || id.isIntegralNumber()) || !id.asText().matches("\\d+")) {
            return Optional.empty();
        }
        JsonNode attributes = campaign.path("attributes");
        // Recent bootstraps leave out the vanity attribute; the campaign's page URL still carries it.
        Optional<String> vanity = text(attributes.path("vanity"))
                .or(() -> text(attributes.path("url")).flatMap(CreatorPageUrls::vanity));
        return Optional.of(new Found(id.asText(), vanity, text(attributes.path("name")), "__NEXT_DATA__ " + bootstrap));
    }

    private static Optional<Found> fromStream(String html) {
        for (Pattern pattern : STREAM_PATTERNS) {
            Optional<String> id = first(pattern, html);
            if (id.isPresent()) {
                return Optional.of(new Found(id.get(), first(STREAM_VANITY, html), Optional.empty(), "Next.js stream"));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ogImage(Document page) {
        Element meta = page.selectFirst("meta[property=og:image]");
        return meta == null ? Optional.empty() : first(TEASER_CARD, meta.attr("content"));
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.textValue().isBlank() ? Optional.of(node.textValue()) : Optional.empty();
    }
}
