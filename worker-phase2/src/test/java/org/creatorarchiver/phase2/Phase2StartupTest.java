package org.creatorarchiver.phase2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.creatorarchiver.redis.RedisUrl;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tool the settings need but that cannot run stops the worker at start-up with one line naming it. */
class Phase2StartupTest {

    @Test
    void aMissingYtDlpStopsTheWorkerWithOneLineNamingYtdlpPath(@TempDir Path mediaDir) throws Exception {
        TestServices.Postgres postgres = TestServices.postgres();
        RedisUrl redis = TestServices.redisUrl();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Phase2WorkerMain.class.getName())
                .redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.put("DATABASE_URL", postgres.jdbcUrl());
        env.put("DATABASE_USER", postgres.user());
        env.put("DATABASE_PASSWORD", postgres.password());
        env.put(
                "REDIS_URL",
                (redis.tls() ? "rediss://" : "redis://") + redis.host() + ":" + redis.port() + "/" + redis.database());
        env.put("MEDIA_DIR", mediaDir.toString());
        env.put("YTDLP_PATH", "/nonexistent/yt-dlp");
        env.put("PATREON_SESSION_ID", "sess-never-printed");
        Process worker = builder.start();

        boolean exited = worker.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            worker.destroyForcibly();
        }
        String stderr = new String(worker.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(exited).as("the worker exits").isTrue();
        assertThat(worker.exitValue()).isEqualTo(Phase2WorkerMain.EXIT_CONFIGURATION);
        assertThat(stderr)
                .contains("configuration error: yt-dlp")
                .contains("YTDLP_PATH")
                .doesNotContain("sess-never-printed");
        assertThat(stderr.lines()
                        .filter(line -> line.startsWith("configuration error:"))
                        .count())
                .isEqualTo(1);
    }
}
