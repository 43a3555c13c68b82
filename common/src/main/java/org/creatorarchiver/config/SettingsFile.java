package org.creatorarchiver.config;

import static org.creatorarchiver.config.EnvironmentVariables.ARCHIVER_SETTINGS;
import static org.creatorarchiver.config.EnvironmentVariables.DEFAULT_ARCHIVER_SETTINGS;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings file named by {@code ARCHIVER_SETTINGS}, or the default {@code config/settings.json}. A missing
 * default file means the built-in defaults; a file named explicitly must exist. Errors name the file as the user
 * wrote it.
 */
final class SettingsFile {

    private static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String name;
    private final Path path;
    private final boolean explicit;

    private SettingsFile(String name, Path path, boolean explicit) {
        this.name = name;
        this.path = path;
        this.explicit = explicit;
    }

    static SettingsFile locate(Optional<String> named, Path workingDirectory) {
        String name = named.orElse(DEFAULT_ARCHIVER_SETTINGS);
        try {
            return new SettingsFile(name, workingDirectory.resolve(name).normalize(), named.isPresent());
        } catch (InvalidPathException e) {
            throw EnvReader.invalid(ARCHIVER_SETTINGS, name, "not a valid path (" + e.getReason() + ")");
        }
    }

    /** Where the settings come from, for the start-up log. */
    String description() {
        return explicit || Files.exists(path) ? name : "(built-in defaults: " + name + " not found)";
    }

    Settings load() {
        if (!Files.exists(path)) {
            if (explicit) {
                throw EnvReader.invalid(
                        ARCHIVER_SETTINGS,
                        name,
                        "file not found" + (Path.of(name).isAbsolute() ? "" : " (looked for " + path + ")"));
            }
            return Settings.defaults();
        }
        if (!Files.isRegularFile(path)) {
            throw ConfigException.file(name, "not a regular file");
        }
        return SettingsParser.parse(name, readTree());
    }

    private JsonNode readTree() {
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            throw ConfigException.file(name, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return STRICT_JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw ConfigException.file(name, syntaxError(e));
        } catch (IOException e) {
            throw ConfigException.file(name, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Parses a document that is not a file (tests, tools); {@code name} prefixes the errors. */
    static Settings parse(String name, String json) {
        try {
            return SettingsParser.parse(name, STRICT_JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw ConfigException.file(name, syntaxError(e));
        }
    }

    private static String syntaxError(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where =
                location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field '")) {
            String key = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
            return "duplicate key \"" + key + "\"" + where;
        }
        return "not valid JSON" + where;
    }
}
