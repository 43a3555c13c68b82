package org.creatorarchiver.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A strict walk over one JSON object of a settings file: typed reads with a default for absent keys, and errors that
 * name the file, the JSON path and the rule. Keys nobody read are reported by {@link #rejectUnknownKeys()}.
 */
final class JsonObjectReader {

    private final String file;
    private final String path;
    private final JsonNode object;
    private final Set<String> readKeys = new HashSet<>();
    private final List<JsonObjectReader> children = new ArrayList<>();

    private JsonObjectReader(String file, String path, JsonNode object) {
        this.file = file;
        this.path = path;
        this.object = object;
    }

    /** The whole document, which must be an object. */
    static JsonObjectReader root(String file, JsonNode document) {
        if (document == null || document.isMissingNode()) {
            throw ConfigException.file(file, "must be a JSON object, got an empty file");
        }
        if (!document.isObject()) {
            throw ConfigException.file(file, "must be a JSON object, got " + shown(document));
        }
        return new JsonObjectReader(file, "", document);
    }

    /** A nested object; when absent, a reader on which every read returns its default. */
    JsonObjectReader object(String key) {
        JsonObjectReader child = field(key)
                .map(node -> {
                    if (!node.isObject()) {
                        throw error(key, "must be an object", node);
                    }
                    return new JsonObjectReader(file, pathOf(key), node);
                })
                .orElseGet(() -> new JsonObjectReader(file, pathOf(key), null));
        children.add(child);
        return child;
    }

    boolean bool(String key, boolean defaultValue) {
        return field(key)
                .map(node -> {
                    if (!node.isBoolean()) {
                        throw error(key, "must be true or false", node);
                    }
                    return node.booleanValue();
                })
                .orElse(defaultValue);
    }

    /** A whole number in {@code [min, max]}; {@code unit} (e.g. "seconds") completes the rule when not empty. */
    int integer(String key, int defaultValue, int min, int max, String unit) {
        String range = "between " + min + " and " + max + (unit.isEmpty() ? "" : " " + unit);
        return field(key)
                .map(node -> {
                    if (!node.isIntegralNumber()) {
                        throw error(key, "must be a whole number " + range, node);
                    }
                    if (!node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
                        throw error(key, "must be " + range, node);
                    }
                    return node.intValue();
                })
                .orElse(defaultValue);
    }

    /** A number greater than 0 and at most {@code max}; decimals allowed. */
    double positiveNumber(String key, double defaultValue, double max) {
        return field(key)
                .map(node -> {
                    if (!node.isNumber() || !(node.doubleValue() > 0) || node.doubleValue() > max) {
                        throw error(key, "must be a number greater than 0 and at most " + plain(max), node);
                    }
                    return node.doubleValue();
                })
                .orElse(defaultValue);
    }

    /** A string with at least one non-blank character. */
    String text(String key, String defaultValue) {
        return field(key)
                .map(node -> {
                    if (!node.isTextual() || node.textValue().isBlank()) {
                        throw error(key, "must be a non-empty string", node);
                    }
                    return node.textValue();
                })
                .orElse(defaultValue);
    }

    /** The raw value of a key, present even when it is JSON null; empty when the key is absent. */
    Optional<JsonNode> field(String key) {
        readKeys.add(key);
        return object == null ? Optional.empty() : Optional.ofNullable(object.get(key));
    }

    /** {@code file: path.key: rule, got <value>}. */
    ConfigException error(String key, String rule, JsonNode value) {
        return ConfigException.setting(file, pathOf(key), rule + ", got " + shown(value));
    }

    /** {@code file: path.key: rule}. */
    ConfigException error(String key, String rule) {
        return ConfigException.setting(file, pathOf(key), rule);
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Fails on the first key no read asked for: this object's keys first, then those of the nested objects. */
    void rejectUnknownKeys() {
        if (object != null) {
            object.fieldNames().forEachRemaining(key -> {
                if (!readKeys.contains(key)) {
                    throw ConfigException.setting(file, pathOf(key), "unknown key");
                }
            });
        }
        children.forEach(JsonObjectReader::rejectUnknownKeys);
    }

    /** A JSON value as an error shows it: strings quoted, containers named, long text cut. */
    static String shown(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return Display.value(node.toString());
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
