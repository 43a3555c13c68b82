package org.creatorarchiver.testing.patreon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.creatorarchiver.tools.FfProbe;
import org.creatorarchiver.tools.Subprocess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CDN's real recordings for the demo: every .mp3 file is audio ffmpeg reads, distinct files stay distinct. */
class FakeCdnAudioTest {

    private static final String FIRST =
            "https://c10.patreonusercontent.com/p/post/1/0123456789abcdef0123456789abcdef/a.mp3";
    private static final String SECOND =
            "https://c10.patreonusercontent.com/p/post/2/fedcba9876543210fedcba9876543210/b.mp3";
    private static final String IMAGE =
            "https://c10.patreonusercontent.com/p/post/3/00112233445566778899aabbccddeeff/c.jpg";

    @TempDir
    Path directory;

    @Test
    void everyMp3IsTheRecordingBehindItsOwnTag() throws Exception {
        FakeCdn cdn = new FakeCdn().audio(Files.readAllBytes(TestVideos.audioIn(directory)));
        FfProbe probe = new FfProbe("ffprobe", new Subprocess(), FfProbe.DEFAULT_TIMEOUT);

        Path first = Files.write(directory.resolve("first.mp3"), cdn.bytesOf(FIRST));
        Path second = Files.write(directory.resolve("second.mp3"), cdn.bytesOf(SECOND));

        assertThat(probe.duration(first))
                .hasValueSatisfying(seconds -> assertThat(seconds).isCloseTo(TestVideos.AUDIO_SECONDS, within(0.5)));
        assertThat(probe.duration(second))
                .hasValueSatisfying(seconds -> assertThat(seconds).isCloseTo(TestVideos.AUDIO_SECONDS, within(0.5)));
        assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(second));
        assertThat(cdn.bytesOf(FIRST)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void otherFilesKeepTheirGeneratedBytes() throws Exception {
        FakeCdn plain = new FakeCdn();
        FakeCdn withAudio = new FakeCdn().audio(Files.readAllBytes(TestVideos.audioIn(directory)));

        assertThat(withAudio.bytesOf(IMAGE)).isEqualTo(plain.bytesOf(IMAGE));
        assertThat(plain.bytesOf(FIRST)).hasSize(48 * 1024).isNotEqualTo(withAudio.bytesOf(FIRST));
    }
}
