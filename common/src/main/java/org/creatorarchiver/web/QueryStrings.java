package org.creatorarchiver.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a raw URL query string into decoded parameters; {@link #parse} keeps the first value of a repeated name,
 * {@link #parseAll} all of them.
 */
public final class QueryStrings {

    private QueryStrings() {}

    /** @param rawQuery as {@link java.net.URI#getRawQuery()} gives it, may be null */
    public static Map<String, String> parse(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        parseAll(rawQuery).forEach((name, values) -> query.put(name, values.getFirst()));
        return Collections.unmodifiableMap(query);
    }

    /** Every value of every name, in order, for callers that must notice a repeated name. */
    public static Map<String, List<String>> parseAll(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
