package org.creatorarchiver.phase4.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MediaProbeTest {

    @Test
    void anMp3PlaysForItsDurationLessTheEncoderDelayItStartsWith() {
        ProbedMedia mp3 = MediaProbe.parse("codec_type=audio\nstart_time=0.069063\nduration=1500.084000\n");

        assertThat(mp3.hasAudio()).isTrue();
        assertThat(mp3.playingSeconds().orElseThrow()).isCloseTo(1500.084 - 0.069063, within(1e-9));
    }

    @Test
    void aVideoWithoutSoundHasNoAudioAndAnUnknownDurationStaysUnknown() {
        ProbedMedia film = MediaProbe.parse("codec_type=video\ncodec_type=subtitle\nstart_time=N/A\nduration=N/A\n");

        assertThat(film.hasAudio()).isFalse();
        assertThat(film.streamTypes()).containsExactly("video", "subtitle");
        assertThat(film.playingSeconds()).isEmpty();
    }
}
