package org.creatorarchiver.orchestrator.videos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationFormatTest {

    @Test
    void underAnHourIsMinutesAndSeconds() {
        assertThat(DurationFormat.of(0)).isEqualTo("0:00");
        assertThat(DurationFormat.of(59.99)).isEqualTo("0:59");
        assertThat(DurationFormat.of(2159)).isEqualTo("35:59");
        assertThat(DurationFormat.of(3599.9)).isEqualTo("59:59");
    }

    @Test
    void fromAnHourOnIsHoursMinutesAndSeconds() {
        assertThat(DurationFormat.of(3600)).isEqualTo("1:00:00");
        assertThat(DurationFormat.of(3725.9)).isEqualTo("1:02:05");
        assertThat(DurationFormat.of(36000)).isEqualTo("10:00:00");
    }

    @Test
    void refusesANegativeOrUnknownDuration() {
        assertThatThrownBy(() -> DurationFormat.of(-1)).hasMessageContaining("-1.0");
        assertThatThrownBy(() -> DurationFormat.of(Double.NaN)).hasMessageContaining("NaN");
    }
}
