package org.creatorarchiver.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The figures of a benchmark as {@code <key> <value>} lines, appended to the file named by the environment variable
 * {@code BENCH_SUMMARY}, for bench/run to compare with the targets and write bench/results.md without parsing the
 * human-readable tables. Without the variable (a bench script run by hand) nothing is written.
 */
public final class BenchSummary {

    private BenchSummary() {}

    public static void put(String key, double value) {
        put(key, String.format(Locale.ROOT, "%.4f", value));
    }

    public static void put(String key, String value) {
        String file = System.getenv("BENCH_SUMMARY");
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(
                    Path.of(file),
                    key + " " + value + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to BENCH_SUMMARY " + file, e);
        }
    }
}
