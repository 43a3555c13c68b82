package org.creatorarchiver.phase4.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.phase4.captions.Captions.timed;

import java.io.IOException;
import java.nio.file.Path;
import org.creatorarchiver.phase4.text.Segment;
import org.creatorarchiver.phase4.text.TimedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionParserTest {

    @TempDir
    Path directory;

    @Test
    void youTubeAutomaticCaptionsGiveEachSpokenLineOnceTimedFromItsFirstAppearance() throws IOException {
        TimedText text = parseSample(Captions.YOUTUBE_AUTO_EN, "en");

        assertThat(timed(text))
                .containsExactly(
                        "0.160 2.869 hey everyone welcome back to the workshop",
                        "2.879 5.789 today we're going to carve a wooden spoon",
                        "5.799 8.509 from a single piece of cherry",
                        "8.519 11.910 [Music]",
                        "11.920 14.430 so first things first sharpen your knife",
                        "14.440 17.029 a dull knife is a dangerous knife");
        assertThat(text.text())
                .isEqualTo("hey everyone welcome back to the workshop today we're going to carve a wooden spoon"
                        + " from a single piece of cherry [Music] so first things first sharpen your knife"
                        + " a dull knife is a dangerous knife");
        assertThat(text.language()).contains("en");
    }

    @Test
    void aManualWebVttLosesItsHeaderBlocksIdentifiersSettingsMarkupAndEmptyCues() throws IOException {
        TimedText text = parseSample(Captions.MANUAL_EN, "en");

        assertThat(timed(text))
                .containsExactly(
                        "1.000 4.200 Welcome to the workshop, everyone!",
                        "4.200 7.000 Tools & safety first \u2014 always.",
                        "7.000 9.500 <Carving> isn't hard, it's the point here.",
                        "62.500 65.000 Muy bien, gracias. 木のスプーン",
                        "3600.000 3602.250 That's all, see you next time.");
        assertThat(text.end()).isEqualTo(3602.25);
    }

    @Test
    void anSrtWithByteOrderMarkAndCrLfKeepsItsSpanishAccentsAndDropsItsFormatting() throws IOException {
        TimedText text = parseSample(Captions.SRT_ES, "es");

        assertThat(timed(text))
                .containsExactly(
                        "0.500 3.250 ¡Hola a todos!",
                        "3.250 6.000 Hoy vamos a tallar una cuchara de cerezo.",
                        "6.000 8.750 Pequeña, pero útil: ¿sí o no?",
                        "70.000 72.500 Años de práctica & paciencia.");
        assertThat(text.language()).contains("es");
    }

    @Test
    void anOldSrtInWindows1252WithCarriageReturnsOnlyIsReadAsWell() throws IOException {
        TimedText text = parseSample(Captions.LATIN1_SRT_ES, "es");

        assertThat(text.segments())
                .extracting(Segment::text)
                .containsExactly("Cañón, acción y corazón", "¿Qué tal? \u2013 bien");
    }

    @Test
    void theFormatIsToldByTheContentNotByTheFileName() throws IOException {
        Path vttNamedSrt = Captions.copy(Captions.MANUAL_EN, directory, "manual.srt");
        Path srtNamedVtt = Captions.copy(Captions.SRT_ES, directory, "cuchara.vtt");

        assertThat(CaptionParser.parse(vttNamedSrt, "en").segments()).hasSize(5);
        assertThat(CaptionParser.parse(srtNamedVtt, "es").segments()).hasSize(4);
    }

    @Test
    void hoursAreOptionalInWebVttAndCuesMayFollowTheHeaderAtOnce() {
        TimedText text = CaptionParser.parse("WEBVTT\n00:59.5 --> 01:00:01.250\nLate start\n", "en");

        assertThat(timed(text)).containsExactly("59.500 3601.250 Late start");
    }

    @Test
    void cuesThatLostTheirBlankLineAreStillTwoCues() {
        TimedText srt = CaptionParser.parse(
                "1\n00:00:01,000 --> 00:00:02,000\nUno\n2\n00:00:02,000 --> 00:00:03,000\nDos\n", "es");
        TimedText vtt =
                CaptionParser.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n00:02.000 --> 00:03.000\nTwo\n", "en");

        assertThat(timed(srt)).containsExactly("1.000 2.000 Uno", "2.000 3.000 Dos");
        assertThat(timed(vtt)).containsExactly("1.000 2.000 One", "2.000 3.000 Two");
    }

    @Test
    void cuesOutOfOrderComeOutInTimeOrder() {
        TimedText text = CaptionParser.parse(
                "WEBVTT\n\n00:05.000 --> 00:06.000\nsecond\n\n00:01.000 --> 00:02.000\nfirst\n", "en");

        assertThat(text.segments()).extracting(Segment::text).containsExactly("first", "second");
    }

    @Test
    void aManualLineSaidTwiceInARowIsKept() {
        TimedText text = CaptionParser.parse(
                "WEBVTT\n\n00:01.000 --> 00:02.000\nNo.\n\n00:02.000 --> 00:03.000\nNo.\n\n"
                        + "00:03.000 --> 00:04.000\nAbsolutely not.\n",
                "en");

        assertThat(text.segments()).extracting(Segment::text).containsExactly("No.", "No.", "Absolutely not.");
    }

    @Test
    void aFileWithOnlyAHeaderHasNoSegments() {
        assertThat(CaptionParser.parse("WEBVTT\nKind: captions\nLanguage: en\n\n", "en")
                        .segments())
                .isEmpty();
    }

    private TimedText parseSample(String sample, String language) throws IOException {
        return CaptionParser.parse(Captions.copy(sample, directory, sample), language);
    }
}
