package org.creatorarchiver.orchestrator.api;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A request's query parameters, read strictly: a parameter a route reads must appear at most once and parse, else
 * the request is refused with 400 naming it. Parameters no route reads are ignored (like most HTTP APIs do).
 */
public final class ApiQuery {

    private final Map<String, List<String>> parameters;

    public ApiQuery(Map<String, List<String>> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    /** The whole number {@code name} between {@code min} and {@code max}, or empty when the request has none. */
    public OptionalLong wholeNumber(String name, long min, long max) throws BadRequestException {
        List<String> values = parameters.get(name);
        if (values == null) {
            return OptionalLong.empty();
        }
        if (values.size() > 1) {
            throw new BadRequestException(name + ": given " + values.size() + " times, expected once");
        }
        String value = values.getFirst();
        long number = parsed(name, value);
        if (number < min || number > max) {
            throw new BadRequestException(name + "=" + value + ": must be between " + min + " and " + max);
        }
        return OptionalLong.of(number);
    }

    private static long parsed(String name, String value) throws BadRequestException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + "=" + value + ": not a whole number");
        }
    }
}
