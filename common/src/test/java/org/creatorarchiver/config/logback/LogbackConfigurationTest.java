package org.creatorarchiver.config.logback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link LoggingProbe} in a child JVM configured by the production logback.xml, with LOG_FORMAT/LOG_LEVEL set
 * as real environment variables, and reads what it writes.
 */
class LogbackConfigurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Output(List<String> stdout, List<String> stderr) {}

    @Test
    void jsonFormatWritesOneJsonObjectPerLineWithKeyValues() throws Exception {
        Output output = runProbe(Map.of("LOG_FORMAT", "json"));

        List<JsonNode> events = new ArrayList<>();
        for (String line : output.stderr()) {
            events.add(JSON.readTree(line));
        }
        assertThat(events)
                .extracting(event -> event.get("formattedMessage").textValue())
                .containsExactly("archived post 42", "plain warning", "library warning", "effective configuration");
        JsonNode info = events.get(0);
        assertThat(info.get("level").textValue()).isEqualTo("INFO");
        assertThat(info.get("loggerName").textValue()).isEqualTo("org.creatorarchiver.probe");
        assertThat(info.get("threadName").textValue()).isEqualTo("main");
        assertThat(info.get("timestamp").isNumber()).isTrue();
        assertThat(info.get("kvpList"))
                .containsExactly(JSON.readTree("{\"queue\": \"phase2\"}"), JSON.readTree("{\"post_id\": \"42\"}"));
        assertThat(output.stdout()).containsExactly("result on stdout");

        JsonNode startup = events.get(3);
        assertThat(startup.get("kvpList")).contains(JSON.readTree("{\"PATREON_SESSION_ID\": \"****\"}"));
        String settings = null;
        for (JsonNode pair : startup.get("kvpList")) {
            if (pair.has("settings")) {
                settings = pair.get("settings").textValue();
            }
        }
        assertThat(JSON.readTree(settings).at("/queue/concurrency/phase2").intValue())
                .isEqualTo(4);
        assertThat(String.join("\n", output.stderr())).doesNotContain(LoggingProbe.SESSION);
    }

    @Test
    void textFormatIsTheDefault() throws Exception {
        Output output = runProbe(Map.of());

        assertThat(output.stderr()).hasSize(4);
        assertThat(output.stderr().get(0))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[main] "
                        + "org.creatorarchiver.probe - archived post 42 queue=\"phase2\" post_id=\"42\"");
        assertThat(output.stderr().get(1)).endsWith(" WARN  [main] org.creatorarchiver.probe - plain warning");
        assertThat(output.stderr().get(3))
                .contains(" INFO  [main] org.creatorarchiver.startup - effective configuration DATABASE_URL=\"")
                .contains(" PATREON_SESSION_ID=\"****\" ")
                .doesNotContain(LoggingProbe.SESSION);
        assertThat(output.stdout()).containsExactly("result on stdout");
    }

    @Test
    void emptyVariablesCountAsUnset() throws Exception {
        Output output = runProbe(Map.of("LOG_FORMAT", "", "LOG_LEVEL", ""));

        assertThat(output.stderr()).hasSize(4);
        assertThat(output.stderr().get(0)).contains(" INFO  [main] org.creatorarchiver.probe - archived post 42");
    }

    @Test
    void levelFiltersTheRootAndLibrariesStayAtWarnOrQuieter() throws Exception {
        assertThat(runProbe(Map.of("LOG_LEVEL", "debug")).stderr())
                .anyMatch(line -> line.endsWith(" - debug detail"))
                .noneMatch(line -> line.contains("library chatter"))
                .anyMatch(line -> line.endsWith(" - library warning"));
        assertThat(runProbe(Map.of("LOG_LEVEL", "WARN")).stderr())
                .hasSize(2)
                .noneMatch(line -> line.contains(" INFO "));
        assertThat(runProbe(Map.of("LOG_LEVEL", "ERROR")).stderr()).isEmpty();
    }

    private static Output runProbe(Map<String, String> env)
            throws IOException, InterruptedException, URISyntaxException {
        URL logbackXml = ClassLoader.getSystemResource("logback.xml");
        assertThat(logbackXml)
                .as("the production logback.xml on the test class path")
                .isNotNull();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + Path.of(logbackXml.toURI()),
                LoggingProbe.class.getName());
        builder.environment().remove("LOG_FORMAT");
        builder.environment().remove("LOG_LEVEL");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        // The probe writes little, so reading one stream after the other cannot fill a pipe and block it.
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("probe finished").isTrue();
        assertThat(process.exitValue())
                .as("probe exit status; stderr: %s", stderr)
                .isZero();
        return new Output(stdout.lines().toList(), stderr.lines().toList());
    }
}
