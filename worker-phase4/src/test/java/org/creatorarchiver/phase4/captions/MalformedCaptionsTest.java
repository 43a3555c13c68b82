package org.creatorarchiver.phase4.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MalformedCaptionsTest {

    @Test
    void aBrokenTimingLineIsNamedWithItsLineNumber() {
        assertThatThrownBy(() -> CaptionParser.parse(
                        "WEBVTT\n\n00:01.000 --> 00:02.000\nfine\n\n00:03.000 --> soon\nbroken\n", "en"))
                .isInstanceOfSatisfying(
                        MalformedCaptionsException.class,
                        e -> assertThat(e.lineNumber()).isEqualTo(6))
                .hasMessage("line 6: not a cue timing (expected \"00:00:01.000 --> 00:00:02.000\"):"
                        + " \"00:03.000 --> soon\"");
    }

    @Test
    void aCueThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> CaptionParser.parse("1\n00:00:05,000 --> 00:00:04,000\nbackwards\n", "en"))
                .isInstanceOf(MalformedCaptionsException.class)
                .hasMessage("line 2: the cue ends (00:00:04.000) before it starts (00:00:05.000)");
    }

    @Test
    void minutesPast59AreRefused() {
        assertThatThrownBy(() -> CaptionParser.parse("WEBVTT\n\n00:75.000 --> 01:20.000\nodd\n", "en"))
                .isInstanceOf(MalformedCaptionsException.class)
                .hasMessageStartingWith("line 3: minutes and seconds run from 00 to 59");
    }

    @Test
    void textOutsideAnyCueInWebVttIsNamed() {
        assertThatThrownBy(() ->
                        CaptionParser.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nfine\n\nstray words\nmore\n", "en"))
                .isInstanceOf(MalformedCaptionsException.class)
                .hasMessage("line 6: expected a cue timing line (\"00:01.000 --> 00:02.000\") or a NOTE, STYLE or"
                        + " REGION block, found \"stray words\"");
    }

    @Test
    void anSrtBlockWithoutNumberAndTimingIsNamed() {
        assertThatThrownBy(() ->
                        CaptionParser.parse("1\r\n00:00:01,000 --> 00:00:02,000\r\nfine\r\n\r\nnot a cue\r\n", "es"))
                .isInstanceOf(MalformedCaptionsException.class)
                .hasMessageStartingWith("line 5: expected a subtitle number followed by a timing line");
    }

    @Test
    void contentWithNeitherHeaderNorTimingIsNotCaptions() {
        assertThatThrownBy(() -> CaptionParser.parse("<html><body>Sign in to continue</body></html>", "en"))
                .isInstanceOfSatisfying(
                        MalformedCaptionsException.class,
                        e -> assertThat(e.lineNumber()).isZero())
                .hasMessageContaining("neither WebVTT nor SRT");
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() {
        assertThatThrownBy(() -> CaptionParser.parse("\uFEFF\r\n\r\n", "en"))
                .isInstanceOf(MalformedCaptionsException.class)
                .hasMessage("the caption file is empty");
    }
}
