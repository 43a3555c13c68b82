package org.creatorarchiver.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Headers;

/** Reads a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 10.2.3). */
public final class RetryAfter {

    /** Used when a 429 names no (readable) delay: long enough not to hammer, short enough to resume the same hour. */
    public static final Duration DEFAULT = Duration.ofSeconds(60);
    /** A malformed or hostile header must not stop every worker for days. */
    public static final Duration LONGEST = Duration.ofHours(1);

    private RetryAfter() {}

    /**
     * How long an answer asks every client to stay away: a 429 always (its {@code Retry-After}, else
     * {@link #DEFAULT}), a 503 when it names a {@code Retry-After}; empty for any other answer.
     */
    public static Optional<Duration> askedBy(int status, Headers headers, Instant now) {
        String value = headers.get("Retry-After");
        boolean asks = status == 429 || (status == 503 && value != null && !value.isBlank());
        return asks ? Optional.of(parse(value, now)) : Optional.empty();
    }

    /** The delay the header asks for, from {@code now}; {@link #DEFAULT} when absent or unreadable, never negative. */
    public static Duration parse(String headerValue, Instant now) {
        if (headerValue == null || headerValue.isBlank()) {
            return DEFAULT;
        }
        return delay(headerValue.strip(), now).map(RetryAfter::withinBounds).orElse(DEFAULT);
    }

    /** A number of seconds, or an HTTP date; empty when the value is neither. */
    private static Optional<Duration> delay(String value, Instant now) {
        if (value.chars().allMatch(Character::isDigit)) {
            return Optional.of(value.length() > 9 ? LONGEST : Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Optional.of(Duration.between(now, until));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration withinBounds(Duration delay) {
        if (delay.isNegative()) {
            return Duration.ZERO;
        }
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }
}
