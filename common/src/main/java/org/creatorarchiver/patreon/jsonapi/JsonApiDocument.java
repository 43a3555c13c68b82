package org.creatorarchiver.patreon.jsonapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.creatorarchiver.patreon.MalformedResponseException;

/**
 * A JSON:API document from Patreon's internal API, read tolerantly (patreon-api.md 2.1): {@code included} may be
 * missing, unknown resource types and attributes are kept but ignored, {@code links} and {@code meta} are optional.
 * What cannot be tolerated (a body that is not JSON, no {@code data}, a resource without type or id) is a
 * {@link MalformedResponseException} naming the source, raised before the caller has used anything of the page.
 */
public final class JsonApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root;
    private final List<JsonApiResource> data;
    private final Map<ResourceKey, JsonApiResource> included;

    private JsonApiDocument(ObjectNode root, List<JsonApiResource> data, Map<ResourceKey, JsonApiResource> included) {
        this.root = root;
        this.data = data;
        this.included = included;
    }

    /**
     * @param source what to name in errors: the URL the body came from (credentials masked)
     */
    public static JsonApiDocument parse(String body, String source) throws MalformedResponseException {
        return parse(body, () -> source);
    }

    /**
     * {@link #parse(String, String)} with the source's name made only when there is an error to report: masking a
     * URL costs more than reading a small document.
     */
    public static JsonApiDocument parse(String body, Supplier<String> source) throws MalformedResponseException {
        JsonNode root = readTree(body, source);
        if (root == null || !root.isObject()) {
            throw new MalformedResponseException(source.get(), "expected a JSON:API object, got " + describe(root));
        }
        List<JsonApiResource> data = primaryResources(root, source);
        Map<ResourceKey, JsonApiResource> included = includedResources(root.path("included"), source);
        return new JsonApiDocument((ObjectNode) root, List.copyOf(data), Collections.unmodifiableMap(included));
    }

    private static JsonNode readTree(String body, Supplier<String> source) throws MalformedResponseException {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException(
                    source.get(),
                    "not JSON (" + e.getOriginalMessage() + " at line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")",
                    e);
        }
    }

    private static List<JsonApiResource> primaryResources(JsonNode root, Supplier<String> source)
            throws MalformedResponseException {
        JsonNode dataNode = root.path("data");
        if (dataNode.isMissingNode()) {
            throw new MalformedResponseException(source.get(), noDataDetail(root.path("errors")));
        }
        List<JsonApiResource> data = new ArrayList<>();
        if (dataNode.isArray()) {
            for (int i = 0; i < dataNode.size(); i++) {
                data.add(resource(dataNode.get(i), source, "data[" + i + "]"));
            }
        } else if (dataNode.isObject()) {
            data.add(resource(dataNode, source, "data"));
        } else if (!dataNode.isNull()) {
            throw new MalformedResponseException(source.get(), "\"data\" is " + describe(dataNode));
        }
        return data;
    }

    private static String noDataDetail(JsonNode errors) {
        return errors.isArray() && !errors.isEmpty()
                ? "an error document ("
                        + errors.get(0).path("detail").asText(errors.get(0).toString()) + ")"
                : "no \"data\" member";
    }

    private static Map<ResourceKey, JsonApiResource> includedResources(JsonNode includedNode, Supplier<String> source)
            throws MalformedResponseException {
        Map<ResourceKey, JsonApiResource> included = new LinkedHashMap<>();
        if (includedNode.isArray()) {
            for (int i = 0; i < includedNode.size(); i++) {
                JsonApiResource resource = resource(includedNode.get(i), source, "included[" + i + "]");
                included.putIfAbsent(resource.key(), resource);
            }
        } else if (!includedNode.isMissingNode() && !includedNode.isNull()) {
            throw new MalformedResponseException(source.get(), "\"included\" is " + describe(includedNode));
        }
        return included;
    }

    private static JsonApiResource resource(JsonNode node, Supplier<String> source, String where)
            throws MalformedResponseException {
        if (node == null || !node.isObject()) {
            throw new MalformedResponseException(
                    source.get(), where + " is " + describe(node) + ", expected a resource object");
        }
        Optional<ResourceKey> key = JsonApiResource.keyOf(node);
        if (key.isEmpty()) {
            throw new MalformedResponseException(source.get(), where + " has no type or id");
        }
        return new JsonApiResource(key.get(), (ObjectNode) node);
    }

    private static String describe(JsonNode node) {
        return node == null || node.isMissingNode()
                ? "nothing"
                : node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + abbreviate(node.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    public ObjectNode root() {
        return root;
    }

    /** The primary resources: the array's items, the single object, or none for {@code "data": null}. */
    public List<JsonApiResource> data() {
        return data;
    }

    public Optional<JsonApiResource> included(ResourceKey key) {
        return Optional.ofNullable(included.get(key));
    }

    /** The included resources a relationship points at, in its order; identifiers not included are left out. */
    public List<JsonApiResource> related(JsonApiResource resource, String relationship) {
        List<JsonApiResource> related = new ArrayList<>();
        for (ResourceKey key : resource.relatedKeys(relationship)) {
            included(key).ifPresent(related::add);
        }
        return related;
    }

    /** Every included resource that {@code resource}'s relationships point at (each once). */
    public List<JsonApiResource> allRelated(JsonApiResource resource) {
        Map<ResourceKey, JsonApiResource> related = new LinkedHashMap<>();
        resource.node().path("relationships").properties().forEach(entry -> {
            for (ResourceKey key : resource.relatedKeys(entry.getKey())) {
                included(key).ifPresent(found -> related.putIfAbsent(key, found));
            }
        });
        return List.copyOf(related.values());
    }

    /** {@code links.next}: the next page's URL; empty on the last page. */
    public Optional<String> nextLink() {
        JsonNode next = root.path("links").path("next");
        return next.isTextual() && !next.textValue().isBlank() ? Optional.of(next.textValue()) : Optional.empty();
    }

    /** {@code meta.pagination.total}, which Patreon stopped sending reliably in 2026. */
    public OptionalLong total() {
        JsonNode total = root.path("meta").path("pagination").path("total");
        return total.isIntegralNumber() ? OptionalLong.of(total.longValue()) : OptionalLong.empty();
    }
}
