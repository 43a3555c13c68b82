package org.creatorarchiver.phase4.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.phase4.captions.Captions.timed;

import org.creatorarchiver.phase4.text.Segment;
import org.creatorarchiver.phase4.text.TimedText;
import org.junit.jupiter.api.Test;

/** YouTube's rolling automatic captions, read through the parser as they come in a file. */
class RollingCaptionsTest {

    private static final String HEADER = "WEBVTT\nKind: captions\nLanguage: es\n\n";

    @Test
    void aLineTheSpeakerReallySaysTwiceStaysTwice() {
        TimedText text = CaptionParser.parse(
                HEADER
                        + cue("00:00:00.000 --> 00:00:01.990", " ", "más<00:00:00.500><c> fuerte</c>")
                        + cue("00:00:01.990 --> 00:00:02.000", "más fuerte", " ")
                        + cue("00:00:02.000 --> 00:00:03.990", "más fuerte", "más<00:00:02.500><c> fuerte</c>")
                        + cue("00:00:03.990 --> 00:00:04.000", "más fuerte", " ")
                        + cue("00:00:04.000 --> 00:00:06.000", "más fuerte", "¡así<00:00:04.400><c> sí!</c>"),
                "es");

        assertThat(timed(text))
                .containsExactly("0.000 1.990 más fuerte", "2.000 3.990 más fuerte", "4.000 6.000 ¡así sí!");
    }

    @Test
    void aRollingFileWithoutTheTenMillisecondCuesIsCollapsedToo() {
        TimedText text = CaptionParser.parse(
                HEADER
                        + cue("00:00:00.000 --> 00:00:02.000", "buenos días")
                        + cue("00:00:02.000 --> 00:00:04.000", "buenos días", "vamos a empezar")
                        + cue("00:00:04.000 --> 00:00:06.000", "vamos a empezar", "con la gubia"),
                "es");

        assertThat(text.segments())
                .extracting(Segment::text)
                .containsExactly("buenos días", "vamos a empezar", "con la gubia");
    }

    @Test
    void threeLineWindowsKeepOnlyTheirNewLines() {
        TimedText text = CaptionParser.parse(
                HEADER
                        + cue("00:00:00.000 --> 00:00:02.000", "uno", "dos")
                        + cue("00:00:02.000 --> 00:00:04.000", "uno", "dos", "tres")
                        + cue("00:00:04.000 --> 00:00:06.000", "dos", "tres", "cuatro"),
                "es");

        assertThat(text.segments()).extracting(Segment::text).containsExactly("uno dos", "tres", "cuatro");
    }

    @Test
    void captionsThatDoNotRollAreLeftAlone() {
        TimedText text = CaptionParser.parse(
                HEADER
                        + cue("00:00:00.000 --> 00:00:02.000", "¿Listos?")
                        + cue("00:00:02.000 --> 00:00:04.000", "¿Listos?", "Sí.")
                        + cue("00:00:04.000 --> 00:00:06.000", "Empezamos.")
                        + cue("00:00:06.000 --> 00:00:08.000", "Primero, la madera."),
                "es");

        assertThat(text.segments())
                .extracting(Segment::text)
                .containsExactly("¿Listos?", "¿Listos? Sí.", "Empezamos.", "Primero, la madera.");
    }

    private static String cue(String timing, String... lines) {
        return timing + " align:start position:0%\n" + String.join("\n", lines) + "\n\n";
    }
}
