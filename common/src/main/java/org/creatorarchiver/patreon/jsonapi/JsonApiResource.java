package org.creatorarchiver.patreon.jsonapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One resource object of a JSON:API document. Attributes and relationships are read leniently: a missing member, a
 * JSON null and an unexpected type all read as "absent", because Patreon adds, drops and nulls fields between page
 * generations and sparse fieldsets.
 */
public record JsonApiResource(ResourceKey key, ObjectNode node) {

    public String type() {
        return key.type();
    }

    public String id() {
        return key.id();
    }

    /** The attribute's JSON value; a {@link MissingNode} when absent. */
    public JsonNode attribute(String name) {
        JsonNode attributes = node.path("attributes");
        return attributes.path(name);
    }

    public Optional<String> text(String attribute) {
        JsonNode value = attribute(attribute);
        return value.isTextual() || value.isNumber() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** A non-blank text attribute. */
    public Optional<String> nonBlankText(String attribute) {
        return text(attribute).filter(text -> !text.isBlank());
    }

    public Optional<Boolean> bool(String attribute) {
        JsonNode value = attribute(attribute);
        return value.isBoolean() ? Optional.of(value.booleanValue()) : Optional.empty();
    }

    /** A number attribute, also when Patreon sends it as a numeric string. */
    public static OptionalDouble number(JsonNode value) {
        if (value.isNumber()) {
            return OptionalDouble.of(value.doubleValue());
        }
        if (value.isTextual()) {
            try {
                return OptionalDouble.of(Double.parseDouble(value.textValue().strip()));
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * The identifiers a relationship points at: {@code {data: [...]}}, {@code {data: {...}}} and {@code {data: null}}
     * (or an absent relationship) all read naturally; malformed linkage entries are skipped.
     */
    public List<ResourceKey> relatedKeys(String relationship) {
        JsonNode data = node.path("relationships").path(relationship).path("data");
        List<ResourceKey> keys = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(linkage -> keyOf(linkage).ifPresent(keys::add));
        } else if (data.isObject()) {
            keyOf(data).ifPresent(keys::add);
        }
        return keys;
    }

    static Optional<ResourceKey> keyOf(JsonNode identifier) {
        JsonNode type = identifier.path("type");
        JsonNode id = identifier.path("id");
        if (!type.isTextual() || type.textValue().isEmpty() || !(id.isTextual() || id.isIntegralNumber())) {
            return Optional.empty();
        }
        String idText = id.asText();
        return idText.isEmpty() ? Optional.empty() : Optional.of(new ResourceKey(type.textValue(), idText));
    }
}
