package org.creatorarchiver.config;

import java.util.Optional;

/**
 * The keys of the paid APIs phase 4 calls ({@code TRANSCRIPTION_API_KEY}, {@code SUMMARY_API_KEY}). Each is sent only
 * to its own settings' {@code base_url} host.
 */
public record ApiKeys(Optional<Secret> transcription, Optional<Secret> summary) {

    public static final ApiKeys NONE = new ApiKeys(Optional.empty(), Optional.empty());

    static String masked(Optional<Secret> key) {
        return key.map(Secret::masked).orElse("(not set)");
    }
}
