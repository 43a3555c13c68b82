package org.creatorarchiver.phase4.api;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whisper's {@code verbose_json} names the language it detected in English words ({@code "spanish"}); some
 * compatible servers send the ISO code. Transcripts keep the ISO 639-1 code either way, as captions do.
 */
final class WhisperLanguages {

    private static final Map<String, String> CODES_BY_NAME = Stream.of(Locale.getISOLanguages())
            .collect(Collectors.toMap(
                    code -> Locale.of(code).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT),
                    Function.identity(),
                    (first, second) -> first));

    private WhisperLanguages() {}

    /** The ISO code for what the API said; an unknown name is kept as said, nothing for a blank one. */
    static Optional<String> code(String said) {
        String name = said == null ? "" : said.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CODES_BY_NAME.getOrDefault(name, name));
    }
}
