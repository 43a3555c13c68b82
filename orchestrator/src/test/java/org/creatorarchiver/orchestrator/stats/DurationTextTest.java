package org.creatorarchiver.orchestrator.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurationTextTest {

    @Test
    void minutesAndSecondsUnderAnHourThenHours() {
        assertThat(DurationText.of(0)).isEqualTo("0:00");
        assertThat(DurationText.of(59)).isEqualTo("0:59");
        assertThat(DurationText.of(754)).isEqualTo("12:34");
        assertThat(DurationText.of(3599)).isEqualTo("59:59");
        assertThat(DurationText.of(3600)).isEqualTo("1:00:00");
        assertThat(DurationText.of(36061)).isEqualTo("10:01:01");
    }
}
