package org.creatorarchiver.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.creatorarchiver.config.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfProbeTest {

    @TempDir
    static Path siteRoot;

    private static LocalMediaSite site;

    @TempDir
    Path directory;

    private final FfProbe ffprobe = new FfProbe(new ExternalTools("yt-dlp", "ffmpeg"), new Subprocess());

    @BeforeAll
    static void makeClip() throws Exception {
        site = LocalMediaSite.start(siteRoot);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void theFiveSecondClipMeasuresFiveSeconds() throws Exception {
        assertThat(ffprobe.duration(site.clip()))
                .hasValueSatisfying(seconds -> assertThat(seconds).isCloseTo(LocalMediaSite.CLIP_SECONDS, within(0.2)));
    }

    @Test
    void aFileThatIsNotMediaFailsWithFfprobesError() throws Exception {
        Path text = Files.writeString(directory.resolve("notes.mp4"), "not a video");

        assertThatThrownBy(() -> ffprobe.duration(text)).isInstanceOfSatisfying(ToolException.class, e -> {
            assertThat(e.kind()).isEqualTo(ToolException.Kind.FAILED);
            assertThat(e.summary()).startsWith("ffprobe of " + text).contains("Invalid data");
        });
    }

    @Test
    void ffprobeIsTakenFromFfmpegsDirectoryElsePath() throws Exception {
        Path bin = Files.createDirectories(directory.resolve("bin"));
        Path ffmpeg = Files.createFile(bin.resolve("ffmpeg"));
        assertThat(Executables.ffprobeFor(ffmpeg.toString()))
                .as("no ffprobe beside it")
                .isEqualTo("ffprobe");

        Path sibling = Files.createFile(
                bin.resolve("ffprobe"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        assertThat(Executables.ffprobeFor(ffmpeg.toString())).isEqualTo(sibling.toString());
        assertThat(Executables.ffprobeFor("ffmpeg")).isEqualTo("ffprobe");
    }
}
