package org.creatorarchiver.config;

/**
 * A bad configuration value. The message is one line naming the culprit (an environment variable with its value,
 * secrets masked, or a settings file and JSON path) and the rule it breaks.
 */
public final class ConfigException extends RuntimeException {

    ConfigException(String line) {
        super(Display.oneLine(line));
    }

    /** {@code NAME=value: rule}; pass a value already masked when the variable is a secret. */
    static ConfigException variable(String name, String shownValue, String rule) {
        return new ConfigException(name + "=" + shownValue + ": " + rule);
    }

    /** {@code file: rule}, for problems with the settings file as a whole. */
    static ConfigException file(String file, String rule) {
        return new ConfigException(file + ": " + rule);
    }

    /** {@code file: json.path: rule}. */
    static ConfigException setting(String file, String jsonPath, String rule) {
        return new ConfigException(file + ": " + jsonPath + ": " + rule);
    }
}
