package org.creatorarchiver.phase4.api;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.LogLevel;
import com.openai.core.Timeout;
import com.openai.errors.OpenAIException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.creatorarchiver.config.Secret;
import org.creatorarchiver.http.HostPauses;
import org.creatorarchiver.queue.JobFailure;

/**
 * One OpenAI-compatible API at a {@code base_url} with its key: calls wait for a 429 pause of the host first, and
 * their failures come out as {@link JobFailure}s ({@link ApiFailures}). The client never retries (retries belong to the
 * job queue, which spreads them over time and workers), never logs (its debug log would print transcripts) and
 * sends no {@code X-Stainless-*} headers describing this machine.
 * The key goes only to the {@code base_url} origin: on a redirect elsewhere the client drops the
 * {@code Authorization} header, as OkHttp does too.
 */
final class OpenAiConnection implements AutoCloseable {

    private final OpenAIClient client;
    private final HttpUrl baseUrl;
    private final HostPauses pauses;
    private final ApiTimeouts timeouts;
    private final ApiFailures failures;

    private OpenAiConnection(
            OpenAIClient client, HttpUrl baseUrl, HostPauses pauses, ApiTimeouts timeouts, ApiFailures failures) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.pauses = pauses;
        this.timeouts = timeouts;
        this.failures = failures;
    }

    /**
     * @param keySetting the environment variable the key comes from, named in the messages about it
     * @throws IllegalArgumentException the base URL is not an http(s) URL, or the key is missing
     */
    static OpenAiConnection open(
            String baseUrl, String keySetting, Optional<Secret> key, HostPauses pauses, ApiTimeouts timeouts) {
        HttpUrl base = HttpUrl.parse(baseUrl.replaceAll("/+$", ""));
        if (base == null) {
            throw new IllegalArgumentException("base_url is not an http(s) URL: " + baseUrl);
        }
        Secret secret = key.filter(k -> !k.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException(keySetting + " is not set"));
        return new OpenAiConnection(
                client(base, secret, timeouts),
                base,
                pauses,
                timeouts,
                new ApiFailures(keySetting, secret, pauses, Clock.systemUTC()));
    }

    private static OpenAIClient client(HttpUrl base, Secret key, ApiTimeouts timeouts) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(base.toString())
                .apiKey(key.reveal())
                .maxRetries(0)
                .logLevel(LogLevel.OFF)
                .disableTelemetry(true)
                .timeout(Timeout.builder()
                        .connect(timeouts.connect())
                        .read(timeouts.request())
                        .write(timeouts.request())
                        .request(timeouts.request())
                        .build())
                .build();
    }

    /**
     * Sends one request once the host is not paused, and reads its answer with {@code read}: failures of either,
     * a malformed answer included, come out as {@link JobFailure}s.
     *
     * @param path the endpoint under the base URL, e.g. {@code /chat/completions}
     */
    <T> T call(String path, Function<OpenAIClient, T> read) throws JobFailure, InterruptedException {
        HttpUrl url = endpoint(path);
        pauses.awaitEnd(url, timeouts.longestPauseWait());
        try {
            return read.apply(client);
        } catch (OpenAIException thrown) {
            throw failures.map(thrown, url);
        } catch (MalformedAnswer malformed) {
            throw failures.malformed("POST " + ApiFailures.loggable(url), malformed.getMessage());
        }
    }

    /** The full URL of an endpoint, e.g. {@code https://api.openai.com/v1/audio/transcriptions}. */
    HttpUrl endpoint(String path) {
        return baseUrl.newBuilder().addPathSegments(path.substring(1)).build();
    }

    @Override
    public void close() {
        client.close();
    }

    /** An answer that parsed but lacks what the API promises (no choice, no usage): thrown by a reader. */
    static final class MalformedAnswer extends RuntimeException {
        MalformedAnswer(String problem) {
            super(problem, null, false, false);
        }
    }
}
