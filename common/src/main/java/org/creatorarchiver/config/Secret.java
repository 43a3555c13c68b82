package org.creatorarchiver.config;

import java.util.Objects;

/**
 * A value that must never reach a log, an exception or a {@code toString}: only {@link #reveal()} gives it out,
 * for the one place that sends it (the database driver, the Patreon cookie).
 */
public final class Secret {

    static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** What logs show instead of the value: {@code ****}, or {@code (empty)} so an unset password is visible. */
    public String masked() {
        return value.isEmpty() ? "(empty)" : MASK;
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
