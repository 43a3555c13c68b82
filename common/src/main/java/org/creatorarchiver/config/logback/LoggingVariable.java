package org.creatorarchiver.config.logback;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a logging variable where logback's {@code ${NAME}} would (logger-context property, system property,
 * environment), except that an empty value counts as unset, as everywhere in creator-archiver. A bad value falls
 * back to the default here: the process then stops on it while loading its configuration.
 */
abstract class LoggingVariable extends PropertyDefinerBase {

    Optional<String> lookup(String name) {
        String fromContext = getContext() == null ? null : getContext().getProperty(name);
        return Stream.of(fromContext, System.getProperty(name), System.getenv(name))
                .filter(value -> value != null && !value.isBlank())
                .findFirst();
    }
}
