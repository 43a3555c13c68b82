package org.creatorarchiver.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse("2", NOW)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(" 120 ", NOW)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 10:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 09:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void absentOrUnreadableMeansTheDefault() {
        assertThat(RetryAfter.parse(null, NOW)).isEqualTo(RetryAfter.DEFAULT);
        assertThat(RetryAfter.parse("", NOW)).isEqualTo(RetryAfter.DEFAULT);
        assertThat(RetryAfter.parse("soon", NOW)).isEqualTo(RetryAfter.DEFAULT);
        assertThat(RetryAfter.parse("-5", NOW)).isEqualTo(RetryAfter.DEFAULT);
    }

    @Test
    void anAbsurdDelayIsCapped() {
        assertThat(RetryAfter.parse("86400", NOW)).isEqualTo(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEqualTo(RetryAfter.LONGEST);
    }
}
