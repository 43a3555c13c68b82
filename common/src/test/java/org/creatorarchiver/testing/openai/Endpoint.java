package org.creatorarchiver.testing.openai;

/** The two OpenAI endpoints the {@link FakeOpenAi} serves, by their path under the base URL. */
public enum Endpoint {
    TRANSCRIPTIONS("/audio/transcriptions"),
    CHAT("/chat/completions");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    /** The path after the base URL, e.g. {@code /audio/transcriptions}. */
    public String path() {
        return path;
    }
}
