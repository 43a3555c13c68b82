package org.creatorarchiver.patreon.posts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;
import org.creatorarchiver.patreon.jsonapi.ResourceKey;

/**
 * A post as a listing page (or the single-post call) shows it: what phase 1 stores and compares to decide whether
 * phase 2 has work.
 *
 * @param url         the post's absolute URL as Patreon gives it ({@code /posts/...} or {@code /{vanity}/posts/...})
 * @param locked      {@code current_user_can_view} is false: only the teaser and access info are visible
 * @param video       the Patreon-hosted video, when the post has one
 * @param raw         the post with the included resources it points at (directly or through another included
 *                    resource), as a self-contained JSON:API document
 */
public record PostSummary(
        String externalId,
        String url,
        String title,
        String postType,
        Instant publishedAt,
        Instant editedAt,
        boolean locked,
        String teaserText,
        Optional<PatreonVideo> video,
        ObjectNode raw) {

    /** Where Patreon's site-relative post URLs point, whatever {@code PATREON_BASE_URL} the archiver talks to. */
    public static final String PATREON_SITE = "https://www.patreon.com";

    public static PostSummary of(JsonApiDocument document, JsonApiResource post, String source)
            throws MalformedResponseException {
        String id = post.id();
        return new PostSummary(
                id,
                url(post),
                post.text("title").orElse(null),
                post.nonBlankText("post_type").orElse(null),
                timestamp(post, "published_at", source),
                timestamp(post, "edited_at", source),
                post.bool("current_user_can_view").map(canView -> !canView).orElse(false),
                post.nonBlankText("teaser_text").orElse(null),
                PatreonVideo.of(document, post),
                raw(document, post));
    }

    private static String url(JsonApiResource post) {
        Optional<String> absolute = post.nonBlankText("url").filter(url -> url.startsWith("http"));
        if (absolute.isPresent()) {
            return absolute.get();
        }
        return post.nonBlankText("patreon_url")
                .or(() -> post.nonBlankText("url"))
                .map(path -> PATREON_SITE + (path.startsWith("/") ? "" : "/") + path)
                .orElse(PATREON_SITE + "/posts/" + post.id());
    }

    private static Instant timestamp(JsonApiResource post, String attribute, String source)
            throws MalformedResponseException {
        Optional<String> text = post.nonBlankText(attribute);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.get()).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException(
                    source, "post " + post.id() + " has an unreadable " + attribute + " '" + text.get() + "'");
        }
    }

    private static ObjectNode raw(JsonApiDocument document, JsonApiResource post) {
        ObjectNode raw = JsonNodeFactory.instance.objectNode();
        raw.set("data", post.node().deepCopy());
        ArrayNode included = raw.putArray("included");
        reachable(document, post)
                .forEach(resource -> included.add(resource.node().deepCopy()));
        return raw;
    }

    /**
     * The included resources the post points at, and those they point at in turn (an access rule's tier, a
     * campaign's creator), each once: without the second step a locked post's record would name a tier it lacks.
     */
    private static Collection<JsonApiResource> reachable(JsonApiDocument document, JsonApiResource post) {
        Map<ResourceKey, JsonApiResource> found = new LinkedHashMap<>();
        Deque<JsonApiResource> toVisit = new ArrayDeque<>(List.of(post));
        while (!toVisit.isEmpty()) {
            for (JsonApiResource related : document.allRelated(toVisit.removeFirst())) {
                if (!related.key().equals(post.key()) && found.putIfAbsent(related.key(), related) == null) {
                    toVisit.addLast(related);
                }
            }
        }
        return found.values();
    }
}
