package org.creatorarchiver.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashingDownloadTest {

    private static final int SIXTY_FOUR_MIB = 64 * 1024 * 1024;

    @TempDir
    Path mediaDir;

    private Path tempDir() {
        return mediaDir.resolve("tmp").resolve("worker-1");
    }

    @Test
    void aStreamIsWrittenWithTheHashThatMessageDigestAndSha256sumGive() throws Exception {
        byte[] bytes = new GeneratedBytes(SIXTY_FOUR_MIB, 42).readAllBytes();

        HashedFile file = new HashingDownload(tempDir()).copy(new ByteArrayInputStream(bytes));

        assertThat(file.sha256()).isEqualTo(sha256Of(bytes)).isEqualTo(sha256sum(file.path()));
        assertThat(file.size()).isEqualTo(SIXTY_FOUR_MIB);
        assertThat(file.path().getParent()).isEqualTo(tempDir());
        assertThat(Arrays.equals(Files.readAllBytes(file.path()), bytes))
                .as("the file holds the stream's bytes")
                .isTrue();
    }

    @Test
    void anEmptyStreamGivesTheHashOfNothing() throws IOException {
        HashedFile file = new HashingDownload(tempDir()).copy(InputStream.nullInputStream());

        assertThat(file.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(file.size()).isZero();
        assertThat(file.path()).exists();
    }

    @Test
    void aDownloadOverTheLimitFailsAndLeavesNothing() {
        HashingDownload limited = new HashingDownload(tempDir(), 1000);

        assertThatThrownBy(() -> limited.copy(new GeneratedBytes(1001, 1)))
                .isInstanceOf(DownloadTooLargeException.class)
                .hasMessage("the download is larger than the limit of 1000 bytes");

        assertThat(tempDir()).isEmptyDirectory();
    }

    @Test
    void aDownloadOfExactlyTheLimitPasses() throws IOException {
        HashedFile file = new HashingDownload(tempDir(), 1000).copy(new GeneratedBytes(1000, 1));

        assertThat(file.size()).isEqualTo(1000);
    }

    @Test
    void aStreamThatBreaksLeavesNoTempFile() {
        InputStream breaking = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > 200_000) {
                    throw new IOException("connection reset");
                }
                return 7;
            }
        };

        assertThatThrownBy(() -> new HashingDownload(tempDir()).copy(breaking))
                .isInstanceOf(IOException.class)
                .hasMessage("connection reset");

        assertThat(tempDir()).isEmptyDirectory();
    }

    @Test
    void aFileWrittenByAToolElsewhereIsMovedIntoTheTempDirAndHashed() throws Exception {
        byte[] bytes = "WEBVTT\n\n00:00.000 --> 00:01.000\nhola\n".getBytes(StandardCharsets.UTF_8);
        Path toolOutput = Files.write(
                Files.createDirectories(mediaDir.resolve("elsewhere")).resolve("video.es.vtt"), bytes);

        HashedFile file = new HashingDownload(tempDir()).adopt(toolOutput);

        assertThat(toolOutput).doesNotExist();
        assertThat(file.path().getParent()).isEqualTo(tempDir());
        assertThat(file.path()).hasBinaryContent(bytes);
        assertThat(file.sha256()).isEqualTo(sha256Of(bytes)).isEqualTo(sha256sum(file.path()));
        assertThat(file.size()).isEqualTo(bytes.length);
    }

    @Test
    void aFileAlreadyInTheTempDirIsHashedInPlace() throws Exception {
        byte[] bytes = new GeneratedBytes(300_000, 9).readAllBytes();
        Path toolOutput = Files.write(Files.createDirectories(tempDir()).resolve("yt-abc.mp4"), bytes);

        HashedFile file = new HashingDownload(tempDir()).adopt(toolOutput);

        assertThat(file).isEqualTo(new HashedFile(tempDir().resolve("yt-abc.mp4"), sha256Of(bytes), bytes.length));
    }

    @Test
    void anAdoptedFileOverTheLimitIsDeleted() throws IOException {
        Path toolOutput = Files.write(Files.createDirectories(tempDir()).resolve("big.mp4"), new byte[2000]);

        assertThatThrownBy(() -> new HashingDownload(tempDir(), 1000).adopt(toolOutput))
                .isInstanceOf(DownloadTooLargeException.class)
                .hasMessage("big.mp4 is larger than the limit of 1000 bytes");

        assertThat(toolOutput).doesNotExist();
    }

    @Test
    void aMissingFileCannotBeAdopted() {
        Path missing = tempDir().resolve("never-written.mp4");

        assertThatThrownBy(() -> new HashingDownload(tempDir()).adopt(missing))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a regular file")
                .hasMessageContaining("never-written.mp4");
    }

    private static String sha256Of(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The coreutils command, as a user would check a file. */
    private static String sha256sum(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sha256sum", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("sha256sum finishes")
                .isTrue();
        assertThat(process.exitValue())
                .as("sha256sum exit status, output: %s", output)
                .isZero();
        return output.substring(0, output.indexOf(' '));
    }
}
