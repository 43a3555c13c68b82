package org.creatorarchiver.http;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-call retry (resilience4j) for transient failures: network errors, 5xx, and 429s whose {@code Retry-After}
 * fits in the settings' longest wait. Backoff is exponential with jitter and never shorter than the server's
 * {@code Retry-After}. These retries cost no job attempt; when they run out the last failure is thrown (a retryable
 * {@link HttpFailureException}) for the job runtime to reschedule.
 */
final class ShortRetry {

    /** One try of a call; its retryable {@link HttpFailureException}s and {@link IOException}s get retried. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws IOException, HttpFailureException, InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(ShortRetry.class);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    private final String name;
    private final int retries;
    private final RetryConfig config;
    private final Duration maxRetryAfterWait;

    ShortRetry(String name, int retries, Duration baseBackoff, Duration maxRetryAfterWait) {
        this.name = name;
        this.retries = retries;
        this.maxRetryAfterWait = maxRetryAfterWait;
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(baseBackoff, 2.0, 0.5, LONGEST_BACKOFF);
        IntervalBiFunction<Object> interval = (attempt, outcome) -> intervalMillis(backoff.apply(attempt), outcome);
        this.config = RetryConfig.custom()
                .maxAttempts(retries + 1)
                .retryOnException(this::isRetryable)
                .intervalBiFunction(interval)
                .build();
    }

    /** Runs {@code attempt} until it succeeds, fails for good, or the retries run out. */
    <T> T call(HttpUrl url, Attempt<T> attempt) throws HttpFailureException, InterruptedException {
        try {
            return retryFor(url).executeCheckedSupplier(attempt::run);
        } catch (InterruptedException e) {
            throw e;
        } catch (HttpFailureException e) {
            throwIfInterrupted(url);
            throw e;
        } catch (IOException e) {
            throwIfInterrupted(url);
            throw HttpFailureClassifier.network(url, e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("unexpected failure calling " + LoggableUrl.of(url), e);
        }
    }

    /** One Retry per call, so its log lines can name the URL. */
    private Retry retryFor(HttpUrl url) {
        Retry retry = Retry.of(name, config);
        retry.getEventPublisher()
                .onRetry(event -> log.info(
                        "GET {}: retry {} of {} in {} ms after: {}",
                        LoggableUrl.of(url),
                        event.getNumberOfRetryAttempts(),
                        retries,
                        event.getWaitInterval().toMillis(),
                        event.getLastThrowable().getMessage()));
        return retry;
    }

    private boolean isRetryable(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (failure instanceof IOException) {
            return true;
        }
        if (failure instanceof HttpFailureException httpFailure && httpFailure.retryable()) {
            return httpFailure
                    .retryAfter()
                    .map(wait -> wait.compareTo(maxRetryAfterWait) <= 0)
                    .orElse(true);
        }
        return false;
    }

    private static long intervalMillis(long backoffMillis, Either<Throwable, Object> outcome) {
        if (outcome.isLeft() && outcome.getLeft() instanceof HttpFailureException httpFailure) {
            long serverAsked = httpFailure.retryAfter().map(Duration::toMillis).orElse(0L);
            return Math.max(backoffMillis, serverAsked);
        }
        return backoffMillis;
    }

    /**
     * resilience4j answers an interrupt during its backoff sleep by re-setting the flag and rethrowing the last
     * failure; the caller must see the interrupt, not a retryable failure.
     */
    private static void throwIfInterrupted(HttpUrl url) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while calling " + LoggableUrl.of(url));
        }
    }
}
