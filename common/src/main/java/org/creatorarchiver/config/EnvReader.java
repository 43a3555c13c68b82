package org.creatorarchiver.config;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads environment variables the way every process must: an empty value counts as unset; plain values are trimmed;
 * secrets are taken verbatim and never shown in an error.
 */
final class EnvReader {

    private final Map<String, String> env;

    EnvReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The trimmed value, or empty when unset, empty or blank. */
    Optional<String> plain(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String plain(String name, String defaultValue) {
        return plain(name).orElse(defaultValue);
    }

    /** The exact value, or empty when unset or empty. */
    Optional<Secret> secret(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Secret.of(value));
    }

    int integer(String name, int defaultValue, int min, int max) {
        OptionalInt value = optionalInteger(name, min, max);
        return value.isPresent() ? value.getAsInt() : defaultValue;
    }

    OptionalInt optionalInteger(String name, int min, int max) {
        Optional<String> text = plain(name);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        int value;
        try {
            value = Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw invalid(name, text.get(), "must be a whole number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw invalid(name, text.get(), "must be between " + min + " and " + max);
        }
        return OptionalInt.of(value);
    }

    /** An error naming a non-secret variable and its value. */
    static ConfigException invalid(String name, String value, String rule) {
        return ConfigException.variable(name, Display.value(value), rule);
    }

    /** An error naming a secret variable without its value. */
    static ConfigException invalidSecret(String name, String rule) {
        return ConfigException.variable(name, Secret.MASK, rule);
    }
}
