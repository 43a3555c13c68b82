package org.creatorarchiver.phase4.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import org.creatorarchiver.config.Secret;
import org.creatorarchiver.http.HostPauses;
import org.creatorarchiver.http.Origin;
import org.creatorarchiver.http.RetryAfter;
import org.creatorarchiver.queue.JobFailure;

/**
 * Turns what the OpenAI client threw into the project's failure vocabulary, in one place: a refused key is permanent
 * and names its setting and host; 429 pauses the host for every worker and retries after its {@code Retry-After};
 * 5xx and network trouble retry; 413 and {@code context_length_exceeded} ask the caller for smaller input; a malformed
 * answer is permanent. Messages are one line naming the endpoint, and never carry the key: the service's own words
 * are left out of a refusal (OpenAI quotes part of a wrong key there) and any copy of the key is masked.
 */
final class ApiFailures {

    private static final int DETAIL_LENGTH = 200;
    private static final String CONTEXT_LENGTH_EXCEEDED = "context_length_exceeded";

    private final String keySetting;
    private final Secret key;
    private final HostPauses pauses;
    private final Clock clock;

    ApiFailures(String keySetting, Secret key, HostPauses pauses, Clock clock) {
        this.keySetting = keySetting;
        this.key = key;
        this.pauses = pauses;
        this.clock = clock;
    }

    JobFailure map(OpenAIException thrown, HttpUrl url) {
        String endpoint = "POST " + loggable(url);
        return switch (thrown) {
            case OpenAIServiceException answered -> answered(answered, url, endpoint);
            case OpenAIIoException io ->
                JobFailure.retry(endpoint + " failed: " + masked(describe(rootCause(io))), null);
            case OpenAIInvalidDataException malformed -> malformed(endpoint, malformed.getMessage());
            default -> JobFailure.retry(endpoint + " failed: " + masked(describe(thrown)), null);
        };
    }

    /** A permanent failure for an answer that is not what the API promises. */
    JobFailure malformed(String endpoint, String problem) {
        return JobFailure.permanent(
                "malformed answer from " + endpoint + ": " + shortened(masked(String.valueOf(problem))));
    }

    private JobFailure answered(OpenAIServiceException answered, HttpUrl url, String endpoint) {
        int status = answered.statusCode();
        String said = status + " from " + endpoint + ": " + detail(answered);
        if (status == 401 || status == 403) {
            return refusedKey(url, status);
        }
        if (status == 429 || (status == 503 && !retryAfterHeader(answered).isEmpty())) {
            return pauseHost(answered, url, said);
        }
        if (status == 413) {
            return new AudioTooLargeException(said);
        }
        if (status == 400 && contextExceeded(answered)) {
            return new PromptTooLongException(said);
        }
        return passing(status) ? JobFailure.retry(said, null) : JobFailure.permanent(said);
    }

    /** A server error, a timeout on its side (408), a conflict of concurrent requests (409): gone on a later try. */
    private static boolean passing(int status) {
        return status >= 500 || status == 408 || status == 409;
    }

    /** The service's own words are left out: OpenAI quotes part of the wrong key in them. */
    private JobFailure refusedKey(HttpUrl url, int status) {
        return JobFailure.permanent(keySetting + " was refused by " + url.host() + " (" + status + "): check the key");
    }

    private static boolean contextExceeded(OpenAIServiceException answered) {
        return answered.code().filter(CONTEXT_LENGTH_EXCEEDED::equals).isPresent();
    }

    /** Every worker stays away from the host for the time it asked; this job comes back after it too. */
    private JobFailure pauseHost(OpenAIServiceException answered, HttpUrl url, String said) {
        Duration delay = RetryAfter.parse(retryAfterHeader(answered), clock.instant());
        pauses.pause(Origin.of(url), delay);
        return JobFailure.retryAfter(delay, said + "; every worker waits " + delay.toSeconds() + " s");
    }

    /** {@code Retry-After} in seconds or as a date; OpenAI's {@code retry-after-ms} when that is all there is. */
    private static String retryAfterHeader(OpenAIServiceException answered) {
        List<String> seconds = answered.headers().values("Retry-After");
        if (!seconds.isEmpty()) {
            return seconds.getFirst();
        }
        List<String> millis = answered.headers().values("retry-after-ms");
        return millis.isEmpty() || !millis.getFirst().strip().matches("\\d{1,12}")
                ? ""
                : String.valueOf((Long.parseLong(millis.getFirst().strip()) + 999) / 1000);
    }

    /** The service's {@code error.message}, shortened, with any copy of the key masked. */
    private String detail(OpenAIServiceException answered) {
        String message;
        try {
            // The client keeps the error object itself as the body; a non-OpenAI server may send it wrapped.
            JsonNode body = answered.body().convert(JsonNode.class);
            JsonNode said = body == null ? null : body.has("message") ? body.get("message") : body.at("/error/message");
            message = said == null ? "" : said.asText("");
        } catch (RuntimeException unreadable) {
            message = "";
        }
        return shortened(masked(message.isBlank() ? "(no error message)" : message));
    }

    private String masked(String text) {
        return key.isEmpty() ? text : text.replace(key.reveal(), key.masked());
    }

    private static String shortened(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= DETAIL_LENGTH ? line : line.substring(0, DETAIL_LENGTH) + "…";
    }

    private static String describe(Throwable thrown) {
        return thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The URL without user info or query, as it may appear in a message. */
    static String loggable(HttpUrl url) {
        return url.newBuilder().username("").password("").query(null).build().toString();
    }
}
