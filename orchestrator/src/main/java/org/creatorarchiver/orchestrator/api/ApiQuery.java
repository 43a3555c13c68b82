package org.creatorarchiver.orchestrator.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A request's query parameters and the named segments of its path ({@link PathTemplate}), read strictly: a parameter a
 * route reads must appear at most once and parse, else the request is refused with 400 naming it. Parameters no route
 * reads are ignored (like most HTTP APIs do).
 */
public final class ApiQuery {

    private final Map<String, List<String>> parameters;
    private final Map<String, String> pathParameters;

    public ApiQuery(Map<String, List<String>> parameters) {
        this(parameters, Map.of());
    }

    public ApiQuery(Map<String, List<String>> parameters, Map<String, String> pathParameters) {
        this.parameters = Map.copyOf(parameters);
        this.pathParameters = Map.copyOf(pathParameters);
    }

    /** The text of {@code name}, or empty when the request has none. */
    public Optional<String> text(String name) throws BadRequestException {
        List<String> values = parameters.get(name);
        if (values == null) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new BadRequestException(name + ": given " + values.size() + " times, expected once");
        }
        return Optional.of(values.getFirst());
    }

    /** The path segment {@code {name}} as a whole number of at least 1 (an id). */
    public long pathId(String name) throws BadRequestException {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("the route's path names no {" + name + "}");
        }
        long id = parsed(name, value);
        if (id < 1) {
            throw new BadRequestException(name + "=" + value + ": must be 1 or more");
        }
        return id;
    }

    /** The whole number {@code name} between {@code min} and {@code max}, or empty when the request has none. */
    public OptionalLong wholeNumber(String name, long min, long max) throws BadRequestException {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        String value = text.get();
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
