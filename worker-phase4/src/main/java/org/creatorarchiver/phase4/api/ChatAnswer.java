package org.creatorarchiver.phase4.api;

import java.util.Objects;

/** What a chat model answered, and the tokens the API billed for it (from its {@code usage}). */
public record ChatAnswer(String text, long inputTokens, long outputTokens) {

    public ChatAnswer {
        Objects.requireNonNull(text, "text");
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException(
                    "token counts are never negative, got " + inputTokens + " and " + outputTokens);
        }
    }
}
