package org.creatorarchiver.phase4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.creatorarchiver.redis.RedisUrl;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An API enabled without its key stops the worker at start-up with one line naming the setting and the variable. */
class Phase4StartupTest {

    @ParameterizedTest
    @CsvSource({
        "transcription, TRANSCRIPTION_API_KEY, SUMMARY_API_KEY",
        "summary, SUMMARY_API_KEY, TRANSCRIPTION_API_KEY"
    })
    void anEnabledApiWithoutItsKeyStopsTheWorkerWithOneLine(
            String section, String missingKey, String presentKey, @TempDir Path dir) throws Exception {
        Path settings = Files.writeString(dir.resolve("settings.json"), "{\"" + section + "\": {\"enabled\": true}}");
        Process worker = start(dir, settings, Map.of(presentKey, "sk-other-key-never-printed"));

        boolean exited = worker.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            worker.destroyForcibly();
        }
        String stderr = new String(worker.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(exited).as("the worker exits").isTrue();
        assertThat(worker.exitValue()).isEqualTo(Phase4WorkerMain.EXIT_CONFIGURATION);
        assertThat(stderr.lines().filter(line -> line.startsWith("configuration error:")))
                .singleElement()
                .asString()
                .contains(section + ".enabled is true", missingKey + " is not set");
        assertThat(stderr).doesNotContain("sk-other-key-never-printed");
    }

    private static Process start(Path dir, Path settings, Map<String, String> keys) throws Exception {
        TestServices.Postgres postgres = TestServices.postgres();
        RedisUrl redis = TestServices.redisUrl();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Phase4WorkerMain.class.getName());
        Map<String, String> env = builder.environment();
        env.remove("TRANSCRIPTION_API_KEY");
        env.remove("SUMMARY_API_KEY");
        env.put("DATABASE_URL", postgres.jdbcUrl());
        env.put("DATABASE_USER", postgres.user());
        env.put("DATABASE_PASSWORD", postgres.password());
        env.put(
                "REDIS_URL",
                (redis.tls() ? "rediss://" : "redis://") + redis.host() + ":" + redis.port() + "/" + redis.database());
        env.put("MEDIA_DIR", dir.resolve("media").toString());
        env.put("ARCHIVER_SETTINGS", settings.toString());
        env.putAll(keys);
        return builder.start();
    }
}
