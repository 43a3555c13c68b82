package org.creatorarchiver.phase4.budget;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What a paid call used, as the API reported it, and what that cost at the settings' prices: audio minutes for a
 * transcription, tokens for a chat completion.
 */
public record Usage(double audioSeconds, int inputTokens, int outputTokens, BigDecimal costUsd) {

    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);
    private static final BigDecimal TOKENS_PER_MILLION = BigDecimal.valueOf(1_000_000);

    public static Usage ofAudio(double seconds, double pricePerMinute) {
        return new Usage(seconds, 0, 0, audioCost(seconds, pricePerMinute));
    }

    public static Usage ofTokens(int input, int output, double pricePerMillionInput, double pricePerMillionOutput) {
        return new Usage(0, input, output, tokenCost(input, output, pricePerMillionInput, pricePerMillionOutput));
    }

    /** Audio minutes x the price per minute. */
    public static BigDecimal audioCost(double seconds, double pricePerMinute) {
        return BigDecimal.valueOf(seconds)
                .multiply(BigDecimal.valueOf(pricePerMinute))
                .divide(SECONDS_PER_MINUTE, MathContext.DECIMAL64);
    }

    /** Tokens x the prices per million. */
    public static BigDecimal tokenCost(
            int input, int output, double pricePerMillionInput, double pricePerMillionOutput) {
        return BigDecimal.valueOf(input)
                .multiply(BigDecimal.valueOf(pricePerMillionInput))
                .add(BigDecimal.valueOf(output).multiply(BigDecimal.valueOf(pricePerMillionOutput)))
                .divide(TOKENS_PER_MILLION, MathContext.DECIMAL64);
    }
}
