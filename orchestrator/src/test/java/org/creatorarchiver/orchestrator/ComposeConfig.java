package org.creatorarchiver.orchestrator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashSet;
import java.util.Set;

/** The normalized compose model printed by {@code docker-compose config} (Compose v1 and v2 forms both read). */
record ComposeConfig(JsonNode root) {

    private static final YAMLMapper YAML = new YAMLMapper();

    static ComposeConfig parse(String normalizedYaml) {
        try {
            return new ComposeConfig(YAML.readTree(normalizedYaml));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("docker-compose config printed unreadable YAML: " + e.getMessage(), e);
        }
    }

    Set<String> serviceNames() {
        return fieldNames(root.path("services"));
    }

    ComposeService service(String name) {
        JsonNode node = root.path("services").path(name);
        if (!node.isObject()) {
            throw new IllegalArgumentException("docker-compose.yml has no service '" + name + "'");
        }
        return new ComposeService(name, node);
    }

    /** The volumes declared at top level: the ones that outlive containers. */
    Set<String> namedVolumes() {
        return fieldNames(root.path("volumes"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
