package org.creatorarchiver.testing.openai;

import java.time.Duration;
import okhttp3.Headers;

/**
 * An answer the {@link FakeOpenAi} gives instead of its own to the next calls of an endpoint
 * ({@link FakeOpenAi#failNext}): what a busy, broken or moved service answers.
 */
public record ScriptedAnswer(int status, Headers headers, String body) {

    private static final Headers JSON = Headers.of("Content-Type", "application/json");

    /** 429 with {@code Retry-After} in whole seconds, as OpenAI's rate limiter answers. */
    public static ScriptedAnswer rateLimited(Duration retryAfter) {
        return new ScriptedAnswer(
                429,
                JSON.newBuilder()
                        .add("Retry-After", String.valueOf(retryAfter.toSeconds()))
                        .build(),
                error("Rate limit reached for requests", "requests", "rate_limit_exceeded"));
    }

    public static ScriptedAnswer serverError() {
        return new ScriptedAnswer(
                500, JSON, error("The server had an error while processing your request.", "server_error", null));
    }

    /** 401 as for a revoked key. */
    public static ScriptedAnswer unauthorized() {
        return new ScriptedAnswer(
                401, JSON, error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
    }

    /** A 200 whose JSON is cut off in the middle. */
    public static ScriptedAnswer malformedJson() {
        return new ScriptedAnswer(200, JSON, "{\"task\": \"transcribe\", \"text\": \"cut off");
    }

    /** 307 to {@code location}: a POST is to be sent again there, body and all. */
    public static ScriptedAnswer redirectTo(String location) {
        return new ScriptedAnswer(307, Headers.of("Location", location), "");
    }

    private static String error(String message, String type, String code) {
        return new Refusal(0, type, null, code, message).json();
    }
}
