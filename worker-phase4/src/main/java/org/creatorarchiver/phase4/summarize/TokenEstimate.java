package org.creatorarchiver.phase4.summarize;

/**
 * Tokens a text will count for, estimated before a request: the budget and the split into parts need a figure before
 * the API reports the real one. Three characters per token errs on the high side for English (about four) and Spanish
 * (about 3.5), so an estimated part stays under the model's limit.
 */
public final class TokenEstimate {

    private static final double CHARACTERS_PER_TOKEN = 3.0;

    /** What an answer is assumed to cost before it is written: a summary is a few hundred tokens. */
    public static final int ANSWER_TOKENS = 800;

    private TokenEstimate() {}

    public static int of(String text) {
        return (int) Math.ceil(text.length() / CHARACTERS_PER_TOKEN);
    }
}
