package org.creatorarchiver.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The duration policy: longer than the source's limit, else the global one, is skipped with its figures. */
class DurationPolicyTest {

    private final DurationPolicy policy = new DurationPolicy(2159);

    @Test
    void theSourcesLimitWinsOverTheGlobalOne() {
        assertThat(policy.limitFor(600)).isEqualTo(600);
        assertThat(policy.limitFor(7200)).isEqualTo(7200);
        assertThat(policy.limitFor(null)).isEqualTo(2159);
    }

    @ParameterizedTest(name = "{0} s over 2159 s: {1}")
    @CsvSource({
        "0, false",
        "2158.999, false",
        "2159, false",
        "2159.001, true",
        "2159.5, true",
        "2160, true",
        "1653.852, false",
    })
    void onlyLongerThanTheLimitExceedsIt(double seconds, boolean exceeds) {
        assertThat(policy.exceeds(seconds, 2159)).isEqualTo(exceeds);
    }

    @Test
    void storedDurationsAreTruncatedToWholeSeconds() {
        assertThat(DurationPolicy.wholeSeconds(1653.852)).isEqualTo(1653);
        assertThat(DurationPolicy.wholeSeconds(2159.999)).isEqualTo(2159);
        assertThat(DurationPolicy.wholeSeconds(60)).isEqualTo(60);
    }
}
