package org.creatorarchiver.phase4.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SilenceLogTest {

    @Test
    void readsThePairsOfMarksAmetadataPrinted() {
        String printed = """
                frame:2253 pts:4614144 pts_time:288.384
                lavfi.silence_start=288
                frame:2266 pts:4640768 pts_time:290.048
                lavfi.silence_end=290.048
                lavfi.silence_duration=2.048
                frame:9050 pts:18534400 pts_time:1158.4
                lavfi.silence_start=1158.02
                frame:9062 pts:18558976 pts_time:1159.94
                lavfi.silence_end=1160
                lavfi.silence_duration=1.984
                """;

        assertThat(SilenceLog.parse(printed, 1500))
                .containsExactly(new Silence(288, 290.048), new Silence(1158.02, 1160));
    }

    @Test
    void aSilenceStillOpenAtTheEndRunsToTheEndAndLargeTimesMayBeInExponentForm() {
        String printed = """
                frame:1 pts:1 pts_time:123456
                lavfi.silence_start=1.23456e+05
                """;

        assertThat(SilenceLog.parse(printed, 123_500)).containsExactly(new Silence(123_456, 123_500));
    }

    @Test
    void nothingPrintedIsNoSilence() {
        assertThat(SilenceLog.parse("", 10)).isEmpty();
    }
}
