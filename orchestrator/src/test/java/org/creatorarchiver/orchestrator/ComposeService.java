package org.creatorarchiver.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service of a normalized compose model. Compose v1 prints volumes and ports in their short string form,
 * v2 in their long map form; both are read, so the tests hold whichever validator a machine has.
 */
record ComposeService(String name, JsonNode node) {

    record Mount(String source, String target) {}

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us)");

    boolean has(String key) {
        return node.has(key);
    }

    String text(String key) {
        return node.path(key).asText("");
    }

    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        node.path("environment")
                .fields()
                .forEachRemaining(entry ->
                        environment.put(entry.getKey(), entry.getValue().asText("")));
        return environment;
    }

    List<String> entrypoint() {
        return strings(node.path("entrypoint"));
    }

    List<String> command() {
        return strings(node.path("command"));
    }

    List<String> healthcheckTest() {
        return strings(node.path("healthcheck").path("test"));
    }

    /** Service name -> condition it waits for. */
    Map<String, String> dependsOn() {
        Map<String, String> conditions = new LinkedHashMap<>();
        node.path("depends_on")
                .fields()
                .forEachRemaining(entry -> conditions.put(
                        entry.getKey(), entry.getValue().path("condition").asText("")));
        return conditions;
    }

    List<Mount> mounts() {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode volume : node.path("volumes")) {
            if (volume.isTextual()) {
                String[] parts = volume.asText().split(":");
                mounts.add(new Mount(parts[0], parts[1]));
            } else {
                mounts.add(new Mount(
                        volume.path("source").asText(), volume.path("target").asText()));
            }
        }
        return mounts;
    }

    /** The container ports published on the host. */
    List<Integer> publishedContainerPorts() {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode port : node.path("ports")) {
            if (port.isTextual()) {
                String[] parts = port.asText().split("/")[0].split(":");
                ports.add(Integer.parseInt(parts[parts.length - 1]));
            } else {
                ports.add(port.path("target").asInt());
            }
        }
        return ports;
    }

    /** {@code stop_grace_period}; Docker's default of 10 s when the file sets none. */
    Duration stopGracePeriod() {
        return node.has("stop_grace_period") ? parseDuration(text("stop_grace_period")) : Duration.ofSeconds(10);
    }

    /** Compose's duration format: {@code 30s}, {@code 1m30s}, {@code 1h}, {@code 1.5s}, {@code 500ms}. */
    static Duration parseDuration(String text) {
        Matcher part = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            BigDecimal nanos = new BigDecimal(part.group(1))
                    .multiply(BigDecimal.valueOf(unit(part.group(2)).toNanos()));
            total = total.plusNanos(nanos.longValue());
            end = part.end();
        }
        if (end == 0 || end != text.length()) {
            throw new IllegalArgumentException("not a compose duration: '" + text + "'");
        }
        return total;
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "h" -> Duration.ofHours(1);
            case "m" -> Duration.ofMinutes(1);
            case "s" -> Duration.ofSeconds(1);
            case "ms" -> Duration.ofMillis(1);
            default -> Duration.ofNanos(1_000);
        };
    }

    private static List<String> strings(JsonNode node) {
        List<String> strings = new ArrayList<>();
        if (node.isTextual()) {
            strings.add(node.asText());
        }
        for (JsonNode element : node) {
            strings.add(element.asText());
        }
        return strings;
    }
}
