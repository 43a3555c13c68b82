package org.creatorarchiver.orchestrator.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** WebVTT a player accepts from whatever segments a transcript holds. */
class WebVttTest {

    @Test
    void timingsAreHoursMinutesSecondsAndRoundedMilliseconds() {
        assertThat(WebVtt.timestamp(0)).isEqualTo("00:00:00.000");
        assertThat(WebVtt.timestamp(59.9996)).isEqualTo("00:01:00.000");
        assertThat(WebVtt.timestamp(3725.25)).isEqualTo("01:02:05.250");
        assertThat(WebVtt.timestamp(360_000.001)).isEqualTo("100:00:00.001");
    }

    @Test
    void emptyCuesAreLeftOutAndBlankLinesInsideACueDropped() {
        String vtt = WebVtt.of(List.of(
                new TranscriptSegment(0, 1, "  "),
                new TranscriptSegment(1, 2, "first line\n\nsecond line"),
                new TranscriptSegment(3, 2.5, "ends before it starts")));

        assertThat(vtt).isEqualTo("""
                WEBVTT

                1
                00:00:01.000 --> 00:00:02.000
                first line
                second line

                2
                00:00:03.000 --> 00:00:03.000
                ends before it starts
                """);
    }

    @Test
    void noSegmentsIsAnEmptyButValidFile() {
        assertThat(WebVtt.of(List.of())).isEqualTo("WEBVTT\n");
    }
}
