package org.creatorarchiver.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: "A 1 GiB download keeps the heap growth under 64 MiB". A child JVM whose whole heap is capped at 64 MiB
 * streams 1 GiB through {@link HashingDownload}; holding the data (or a growing part of it) would end in an
 * OutOfMemoryError there. Takes about as long as writing 1 GiB to the temp directory (a few seconds).
 */
class HashingDownloadMemoryTest {

    private static final long ONE_GIB = 1L << 30;
    private static final long SEED = 20240401L;
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path workDir;

    @Test
    void aOneGibDownloadRunsInA64MibHeap() throws Exception {
        Path childLog = workDir.resolve("child.log");
        long started = System.nanoTime();
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        HashingDownloadMemoryMain.class.getName(),
                        workDir.resolve("tmp").resolve("worker-1").toString(),
                        String.valueOf(ONE_GIB),
                        String.valueOf(SEED))
                .redirectErrorStream(true)
                .redirectOutput(childLog.toFile())
                .start();
        try {
            String expected = sha256Of(new GeneratedBytes(ONE_GIB, SEED));

            assertThat(child.waitFor(CHILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("child finishes within %s", CHILD_TIMEOUT)
                    .isTrue();
            String output = Files.readString(childLog, StandardCharsets.UTF_8);
            System.out.printf(
                    "1 GiB through HashingDownload in a -Xmx64m JVM: %d ms, %s",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), output);
            assertThat(child.exitValue())
                    .as("child exit status; its output:%n%s", output)
                    .isZero();
            assertThat(output).contains("sha256=" + expected + " size=" + ONE_GIB + " ");
        } finally {
            child.destroyForcibly();
        }
    }

    private static String sha256Of(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[HashingDownload.BUFFER_BYTES];
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            sha256.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
