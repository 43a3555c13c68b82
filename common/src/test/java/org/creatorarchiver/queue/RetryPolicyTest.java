package org.creatorarchiver.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void maxRetriesCountsRetriesAfterTheFirstAttempt() {
        RetryPolicy threeRetries = RetryPolicy.exponential(3, Duration.ofSeconds(60));

        assertThat(threeRetries.allowsRetryAfter(1)).isTrue();
        assertThat(threeRetries.allowsRetryAfter(3)).isTrue();
        assertThat(threeRetries.allowsRetryAfter(4))
                .as("the 4th attempt was the last")
                .isFalse();
        assertThat(RetryPolicy.exponential(0, Duration.ofSeconds(1)).allowsRetryAfter(1))
                .isFalse();
    }

    @Test
    void theDelayDoublesPerRetryUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(60), Duration.ofMinutes(5), 0);
        Random random = new Random(1);

        assertThat(policy.delayBeforeRetry(1, random)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayBeforeRetry(2, random)).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy.delayBeforeRetry(3, random)).isEqualTo(Duration.ofSeconds(240));
        assertThat(policy.delayBeforeRetry(4, random)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delayBeforeRetry(500, random)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void jitterSpreadsDelaysWithinItsFraction() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(300), Duration.ofHours(6), 0.2);
        Random random = new Random(7);

        var delays = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> policy.delayBeforeRetry(1, random).toMillis())
                .toList();

        assertThat(delays).allSatisfy(ms -> assertThat(ms).isBetween(240_000L, 360_000L));
        assertThat(delays.stream().distinct().count()).as("not all the same").isGreaterThan(100);
    }

    @Test
    void refusesNonsenseWithAClearMessage() {
        assertThatThrownBy(() -> RetryPolicy.exponential(-1, Duration.ofSeconds(1)))
                .hasMessage("maxRetries must be 0 or more, got -1");
        assertThatThrownBy(() -> RetryPolicy.exponential(3, Duration.ZERO))
                .hasMessage("retry base delay must be positive, got PT0S");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofSeconds(1), 0))
                .hasMessageContaining("max delay");
        assertThatThrownBy(
                        () -> RetryPolicy.exponential(3, Duration.ofSeconds(1)).withJitter(1.5))
                .hasMessage("retry jitter must be between 0 and 1, got 1.5");
    }
}
