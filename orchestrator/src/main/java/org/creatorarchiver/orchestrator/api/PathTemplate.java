package org.creatorarchiver.orchestrator.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A route path with named segments, such as {@code /api/v1/videos/{id}/transcript}: a request path matches when it
 * has as many segments and every other segment is equal; each {@code {name}} takes the (non-empty) segment in its
 * place, still undecoded, so a route reads it as strictly as a query parameter.
 */
final class PathTemplate {

    private PathTemplate() {}

    /** True when {@code template} has at least one {@code {name}} segment. */
    static boolean isTemplate(String template) {
        return template.contains("{");
    }

    /** The named segments' values when {@code path} matches {@code template}. */
    static Optional<Map<String, String>> match(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].startsWith("{") && expected[i].endsWith("}") && !actual[i].isEmpty()) {
                values.put(expected[i].substring(1, expected[i].length() - 1), actual[i]);
            } else if (!expected[i].equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }
}
