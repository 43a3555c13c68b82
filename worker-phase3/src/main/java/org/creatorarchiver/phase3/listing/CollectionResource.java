package org.creatorarchiver.phase3.listing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;

/**
 * A {@code collection} resource as an answer shows it (patreon-api.md 1.4): its attributes and its {@code post_ids}
 * when the answer carries them. Read leniently (absent or null attributes are unknown), except where a value the
 * archive stores cannot be read: that is a {@link MalformedResponseException} naming the answer.
 *
 * @param postIds the post ids in collection order, each once; empty when the answer has no {@code post_ids}
 */
record CollectionResource(String externalId, CollectionAttributes attributes, Optional<List<String>> postIds) {

    static final String TYPE = "collection";

    /** @param source the answer's URL, for errors */
    static CollectionResource of(JsonApiResource resource, String source) throws MalformedResponseException {
        String id = resource.id();
        CollectionAttributes attributes = new CollectionAttributes(
                resource.text("title").orElse(null),
                resource.text("description").orElse(null),
                numPosts(resource, source),
                textOf(resource.attribute("thumbnail").path("url")),
                editedAt(resource, source));
        return new CollectionResource(id, attributes, postIds(resource, source));
    }

    /** {@code post_ids} when it names every post: at least {@code num_posts} of them (all, when no count is given). */
    Optional<List<String>> completePostIds() {
        Integer expected = attributes.numPosts();
        return postIds.filter(ids -> expected == null || ids.size() >= expected);
    }

    private static Integer numPosts(JsonApiResource resource, String source) throws MalformedResponseException {
        JsonNode value = resource.attribute("num_posts");
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            throw new MalformedResponseException(source, "collection " + resource.id() + " has num_posts " + value);
        }
        return value.intValue();
    }

    private static Instant editedAt(JsonApiResource resource, String source) throws MalformedResponseException {
        Optional<String> text = resource.nonBlankText("edited_at");
        if (text.isEmpty()) {
            return null;
        }
        try {
            // PostgreSQL keeps microseconds: finer digits would make every comparison with the row differ.
            return OffsetDateTime.parse(text.get()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException(
                    source, "collection " + resource.id() + " has an unreadable edited_at '" + text.get() + "'");
        }
    }

    private static Optional<List<String>> postIds(JsonApiResource resource, String source)
            throws MalformedResponseException {
        JsonNode value = resource.attribute("post_ids");
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw new MalformedResponseException(
                    source, "collection " + resource.id() + " has post_ids " + value + ", expected a list of post ids");
        }
        // A post listed twice keeps its first place: membership is one row per post.
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode id : value) {
            ids.add(postId(id, resource, source));
        }
        return Optional.of(List.copyOf(ids));
    }

    private static String postId(JsonNode id, JsonApiResource resource, String source)
            throws MalformedResponseException {
        boolean number = id.isIntegralNumber() && id.bigIntegerValue().signum() > 0;
        if (number || (id.isTextual() && id.textValue().matches("\\d{1,30}"))) {
            return id.asText();
        }
        throw new MalformedResponseException(
                source, "collection " + resource.id() + " lists a post id that is not one: " + id);
    }

    private static String textOf(JsonNode value) {
        return value.isTextual() && !value.textValue().isBlank() ? value.textValue() : null;
    }
}
