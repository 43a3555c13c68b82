package org.creatorarchiver.testing.openai;

import java.time.Duration;

/**
 * The {@link FakeOpenAi} as a process, for the demo and benchmarks: one fake serves both the transcription and the
 * chat endpoints, and lists the calls it received at {@code GET /_fake/calls} (JSON) for the script to count.
 * Runs until killed.
 * <pre>
 * FakeOpenAiServer &lt;port&gt; &lt;key&gt; [options]
 *   --latency-ms N          delay before every answer
 *   --max-file-bytes N      a lower upload limit than OpenAI's 25 MB
 *   --context-limit N       the chat model's context window in tokens (characters / 4)
 *   --fail ENDPOINT:N:STATUS the first N calls of transcriptions|chat answer STATUS (429, 500 or 401)
 * </pre>
 */
public final class FakeOpenAiServer {

    private static final String USAGE = "usage: FakeOpenAiServer <port> <key> [--latency-ms N] [--max-file-bytes N]"
            + " [--context-limit N] [--fail transcriptions|chat:N:429|500|401]";

    private FakeOpenAiServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args[1].isBlank()) {
            fail("");
        }
        FakeOpenAi fake = FakeOpenAi.start(args[1], Integer.parseInt(args[0]));
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--latency-ms" -> fake.latency(Duration.ofMillis(Long.parseLong(value(args, ++i))));
                case "--max-file-bytes" -> fake.maxFileBytes(Long.parseLong(value(args, ++i)));
                case "--context-limit" -> fake.contextLimit(Long.parseLong(value(args, ++i)));
                case "--fail" -> scriptFailures(fake, value(args, ++i));
                default -> fail("not an option: " + args[i]);
            }
        }
        System.err.println("fake OpenAI on " + fake.baseUrl());
        Thread.currentThread().join();
    }

    private static void scriptFailures(FakeOpenAi fake, String spec) {
        String[] parts = spec.split(":");
        if (parts.length != 3) {
            fail("--fail takes ENDPOINT:N:STATUS, got " + spec);
        }
        Endpoint endpoint = parts[0].equals("chat") ? Endpoint.CHAT : Endpoint.TRANSCRIPTIONS;
        ScriptedAnswer answer = switch (parts[2]) {
            case "429" -> ScriptedAnswer.rateLimited(Duration.ofSeconds(2));
            case "500" -> ScriptedAnswer.serverError();
            case "401" -> ScriptedAnswer.unauthorized();
            default -> throw new IllegalArgumentException("--fail status must be 429, 500 or 401, got " + parts[2]);
        };
        fake.failNext(endpoint, Integer.parseInt(parts[1]), answer);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            fail(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static void fail(String problem) {
        System.err.println((problem.isEmpty() ? "" : "FakeOpenAiServer: " + problem + "\n") + USAGE);
        System.exit(2);
    }
}
