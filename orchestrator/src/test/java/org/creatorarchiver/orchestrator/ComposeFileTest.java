package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.creatorarchiver.orchestrator.ComposeService.Mount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml, checked the way a user relies on it: the validator accepts it, and its normalized form
 * runs every process of the design, waits for healthy PostgreSQL and Redis, scales workers, keeps secrets out.
 */
class ComposeFileTest {

    private static final List<String> WORKERS =
            List.of("worker-phase1", "worker-phase2", "worker-phase3", "worker-phase4");
    /** The workers that call Patreon; phase 4 calls only the transcription and summary APIs. */
    private static final List<String> PATREON_WORKERS = List.of("worker-phase1", "worker-phase2", "worker-phase3");

    private static final List<String> PROCESSES =
            Stream.concat(Stream.of("orchestrator"), WORKERS.stream()).toList();
    private static final String PASSWORD = "password-from-the-host";
    private static final String SESSION_COOKIE = "session-cookie-from-the-host";
    private static final String TRANSCRIPTION_KEY = "transcription-key-from-the-host";
    private static final String SUMMARY_KEY = "summary-key-from-the-host";
    private static final String UI_TOKEN = "ui-token-from-the-host-0123";
    /** How long a worker may spend draining its in-flight jobs after SIGTERM (docs/ARCHITECTURE.md "Stopping"). */
    private static final Duration WORKER_DRAIN_BOUND = Duration.ofSeconds(20);

    @TempDir
    static Path workDir;

    private static ComposeCli compose;
    private static Path emptyEnvFile;
    private static ComposeConfig config;

    @BeforeAll
    static void normalizeTheComposeFile() throws IOException {
        compose = ComposeCli.locate(ProjectFiles.root().resolve("docker-compose.yml"), workDir);
        emptyEnvFile = Files.createFile(workDir.resolve("empty.env"));
        ComposeCli.Result result = compose.config(
                emptyEnvFile,
                Map.of(
                        "POSTGRES_PASSWORD", PASSWORD,
                        "PATREON_SESSION_ID", SESSION_COOKIE,
                        "TRANSCRIPTION_API_KEY", TRANSCRIPTION_KEY,
                        "SUMMARY_API_KEY", SUMMARY_KEY,
                        "ARCHIVER_UI_TOKEN", UI_TOKEN));
        assertThat(result.succeeded())
                .as("docker-compose config failed: %s", result.stderr())
                .isTrue();
        config = ComposeConfig.parse(result.stdout());
    }

    @Test
    void validatorAcceptsTheFileWithoutWarnings() {
        ComposeCli.Result result = compose.config(
                emptyEnvFile, Map.of("POSTGRES_PASSWORD", PASSWORD, "ARCHIVER_UI_TOKEN", UI_TOKEN), "-q");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).isBlank();
    }

    @Test
    void refusesToStartWithoutADatabasePasswordAndSaysWhichVariable() {
        ComposeCli.Result result = compose.config(emptyEnvFile, Map.of("ARCHIVER_UI_TOKEN", UI_TOKEN), "-q");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("POSTGRES_PASSWORD").contains(".env.example");
    }

    @Test
    void refusesToStartWithoutTheDashboardTokenSinceServeListensBeyondLoopback() {
        ComposeCli.Result result = compose.config(emptyEnvFile, Map.of("POSTGRES_PASSWORD", PASSWORD), "-q");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("ARCHIVER_UI_TOKEN").contains(".env.example");
    }

    @Test
    void envExampleDocumentsEveryVariableTheFileReadsAndHoldsNoValues() {
        Map<String, String> example = envExampleEntries();

        assertThat(example.keySet()).containsAll(variablesReadBy(ProjectFiles.read("docker-compose.yml")));
        assertThat(example)
                .allSatisfy((name, value) -> assertThat(value).as(name).isEmpty());
    }

    @Test
    void runsEveryProcessOfTheDesignWithPostgresAndRedis() {
        assertThat(config.serviceNames())
                .containsExactlyInAnyOrder(
                        "postgres",
                        "redis",
                        "orchestrator",
                        "worker-phase1",
                        "worker-phase2",
                        "worker-phase3",
                        "worker-phase4");
    }

    @Test
    void eachProcessRunsItsOwnJarFromTheImage() {
        String dockerfile = ProjectFiles.read("Dockerfile");
        for (String process : PROCESSES) {
            assertThat(config.service(process).entrypoint()).as(process).containsExactly("archiver", process);
            assertThat(dockerfile)
                    .as("Dockerfile copies the %s jar", process)
                    .contains("/src/" + process + "/target/" + process + ".jar");
        }
    }

    @Test
    void workersCanBeScaledOut() {
        for (String worker : WORKERS) {
            ComposeService service = config.service(worker);
            assertThat(service.has("container_name"))
                    .as("%s has a container_name", worker)
                    .isFalse();
            assertThat(service.has("ports")).as("%s publishes ports", worker).isFalse();
        }
    }

    @Test
    void postgresRedisAndTheApiReportTheirHealth() {
        for (String name : List.of("postgres", "redis", "orchestrator")) {
            assertThat(config.service(name).healthcheckTest())
                    .as(name)
                    .isNotEmpty()
                    .doesNotContain("NONE");
        }
    }

    @Test
    void processesStartOnlyOnceDatabaseAndRedisAreHealthy() {
        for (String process : PROCESSES) {
            assertThat(config.service(process).dependsOn())
                    .as(process)
                    .containsEntry("postgres", "service_healthy")
                    .containsEntry("redis", "service_healthy");
        }
    }

    @Test
    void processesGetLongerThanTheWorkerDrainToStopAndRestartAfterACrash() {
        for (String process : PROCESSES) {
            ComposeService service = config.service(process);
            assertThat(service.stopGracePeriod()).as(process).isGreaterThan(WORKER_DRAIN_BOUND);
            assertThat(service.text("restart")).as(process).isIn("always", "unless-stopped");
        }
    }

    @Test
    void processesReachTheComposePostgresAndRedis() {
        Map<String, String> postgres = config.service("postgres").environment();
        for (String process : PROCESSES) {
            assertThat(config.service(process).environment())
                    .as(process)
                    .containsEntry("DATABASE_URL", "jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"))
                    .containsEntry("DATABASE_USER", postgres.get("POSTGRES_USER"))
                    .containsEntry("DATABASE_PASSWORD", PASSWORD)
                    .hasEntrySatisfying("REDIS_URL", url -> assertThat(url).startsWith("redis://redis:6379"));
        }
        assertThat(postgres).containsEntry("POSTGRES_PASSWORD", PASSWORD);
    }

    @Test
    void everyProcessSharesOneNamedMediaVolumeAtMediaDir() {
        Set<String> sources = new LinkedHashSet<>();
        for (String process : PROCESSES) {
            ComposeService service = config.service(process);
            String mediaDir = service.environment().get("MEDIA_DIR");
            assertThat(mediaDir).as("%s MEDIA_DIR", process).isNotBlank();
            service.mounts().stream()
                    .filter(mount -> mount.target().equals(mediaDir))
                    .map(Mount::source)
                    .forEach(sources::add);
        }
        assertThat(sources).hasSize(1);
        assertThat(config.namedVolumes()).containsAll(sources);
    }

    @Test
    void queuesSurviveARedisRestart() {
        ComposeService redis = config.service("redis");

        assertThat(String.join(" ", redis.command())).contains("--appendonly yes");
        assertThat(redis.mounts()).contains(new Mount("redis-data", "/data"));
        assertThat(config.namedVolumes()).contains("redis-data");
    }

    @Test
    void theArchiveSurvivesAPostgresRestart() {
        assertThat(config.service("postgres").mounts())
                .contains(new Mount("postgres-data", "/var/lib/postgresql/data"));
        assertThat(config.namedVolumes()).contains("postgres-data");
    }

    @Test
    void onlyTheWorkersThatCallPatreonGetThePatreonSessionCookieFromTheHost() {
        for (String worker : PATREON_WORKERS) {
            assertThat(config.service(worker).environment())
                    .as(worker)
                    .containsEntry("PATREON_SESSION_ID", SESSION_COOKIE);
        }
        assertThat(config.service("orchestrator").environment()).doesNotContainKey("PATREON_SESSION_ID");
        assertThat(config.service("worker-phase4").environment()).doesNotContainKey("PATREON_SESSION_ID");
    }

    @Test
    void onlyPhase4GetsTheApiKeysFromTheHost() {
        assertThat(config.service("worker-phase4").environment())
                .containsEntry("TRANSCRIPTION_API_KEY", TRANSCRIPTION_KEY)
                .containsEntry("SUMMARY_API_KEY", SUMMARY_KEY);
        for (String process : List.of("orchestrator", "worker-phase1", "worker-phase2", "worker-phase3")) {
            assertThat(config.service(process).environment())
                    .as(process)
                    .doesNotContainKeys("TRANSCRIPTION_API_KEY", "SUMMARY_API_KEY");
        }
    }

    @Test
    void theApiIsPublishedOnThePortServeListensOnAndItsHealthcheckAsksThere() {
        ComposeService orchestrator = config.service("orchestrator");
        List<String> command = orchestrator.command();
        assertThat(command).startsWith("serve").contains("--port");
        int port = Integer.parseInt(command.get(command.indexOf("--port") + 1));
        // serve's own default is 127.0.0.1, which a published container port cannot reach.
        assertThat(command).containsSubsequence("--bind", "0.0.0.0");

        assertThat(orchestrator.publishedContainerPorts()).containsExactly(port);
        assertThat(String.join(" ", orchestrator.healthcheckTest())).contains(":" + port + "/health");
    }

    @Test
    void composeDurationsAreReadInEveryUnit() {
        assertThat(ComposeService.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ComposeService.parseDuration("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ComposeService.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(ComposeService.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(ComposeService.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    }

    private static Set<String> variablesReadBy(String composeFile) {
        Matcher reference = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(composeFile);
        Set<String> names = new LinkedHashSet<>();
        while (reference.find()) {
            names.add(reference.group(1));
        }
        assertThat(names).as("variables read by docker-compose.yml").isNotEmpty();
        return names;
    }

    private static Map<String, String> envExampleEntries() {
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        for (String line : ProjectFiles.read(".env.example").lines().toList()) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                int equals = trimmed.indexOf('=');
                assertThat(equals)
                        .as(".env.example line '%s' is NAME=value", trimmed)
                        .isPositive();
                entries.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
            }
        }
        return entries;
    }
}
