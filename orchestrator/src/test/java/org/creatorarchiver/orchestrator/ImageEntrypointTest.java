package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker/entrypoint.sh, the image's {@code archiver} command that picks the process to run. */
class ImageEntrypointTest {

    private record Run(int exitCode, String stdout, String stderr) {}

    @TempDir
    Path workDir;

    @Test
    void withoutArgumentsPrintsHelpNamingEveryProcess() throws Exception {
        Run run = entrypoint();

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .contains("Usage: archiver <process>")
                .contains("orchestrator", "worker-phase1", "worker-phase2", "worker-phase3", "worker-phase4");
    }

    @Test
    void anUnknownProcessIsOneLineNamingIt() throws Exception {
        Run run = entrypoint("worker-phase9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip())
                .doesNotContain("\n")
                .contains("'worker-phase9'")
                .contains("orchestrator");
    }

    @Test
    void aMissingJarIsReportedBeforeJavaStarts() throws Exception {
        Run run = entrypoint("worker-phase2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr())
                .contains(appDir().resolve("worker-phase2.jar").toString())
                .contains("missing");
    }

    /** An empty directory where the image keeps its jars. */
    private Path appDir() throws IOException {
        return Files.createDirectories(workDir.resolve("app"));
    }

    private Run entrypoint(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "sh", ProjectFiles.root().resolve("docker/entrypoint.sh").toString()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("stdout");
        Path err = workDir.resolve("stderr");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("ARCHIVER_APP_DIR", appDir().toString());
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS))
                .as("entrypoint finished")
                .isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
