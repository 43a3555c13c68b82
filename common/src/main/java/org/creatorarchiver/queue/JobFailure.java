package org.creatorarchiver.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An expected failure of a job attempt, with its reason (the message) and what the queue does about it (its
 * {@link Outcome}). The one failure vocabulary of handlers, the HTTP clients and the job runtime: a handler throws
 * one (or a domain exception extending it), {@code http.HttpFailureClassifier} makes them from responses, and
 * {@link JobRunner} settles the job by the first one in the cause chain. Any other throwable counts as
 * {@link Retry} (docs/ARCHITECTURE.md "Retries").
 */
public class JobFailure extends Exception {

    /** What the queue does with a job that failed this way. */
    public sealed interface Outcome permits Retry, RetryAfter, Postpone, Permanent {}

    /** Try again after the handler's {@link RetryPolicy} backoff; dead-lettered when the retries run out. */
    public record Retry() implements Outcome {}

    /** Like {@link Retry}, but no sooner than {@code delay} (a server's {@code Retry-After}). */
    public record RetryAfter(Duration delay) implements Outcome {
        public RetryAfter {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("a retry delay must be zero or more, got " + delay);
            }
        }
    }

    /**
     * Not a failure of the job: it may not run before {@code until} (phase 4's daily budget is spent). It waits in the
     * delayed set and keeps its attempts, however long the wait.
     */
    public record Postpone(Instant until) implements Outcome {
        public Postpone {
            Objects.requireNonNull(until, "until");
        }
    }

    /** No retry can heal it (404, locked, bad data, too long): given up at once, reason recorded on the row. */
    public record Permanent() implements Outcome {}

    public static final Outcome RETRY = new Retry();
    public static final Outcome PERMANENT = new Permanent();

    private final Outcome outcome;

    public JobFailure(Outcome outcome, String reason, Throwable cause) {
        super(reason, cause);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    public static JobFailure retry(String reason, Throwable cause) {
        return new JobFailure(RETRY, reason, cause);
    }

    public static JobFailure retryAfter(Duration delay, String reason) {
        return new JobFailure(new RetryAfter(delay), reason, null);
    }

    public static JobFailure postpone(Instant until, String reason) {
        return new JobFailure(new Postpone(until), reason, null);
    }

    public static JobFailure permanent(String reason) {
        return permanent(reason, null);
    }

    public static JobFailure permanent(String reason, Throwable cause) {
        return new JobFailure(PERMANENT, reason, cause);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Whether a later attempt may succeed without anyone changing anything. */
    public boolean retryable() {
        return !(outcome instanceof Permanent);
    }

    /** The wait a {@link RetryAfter} asks for. */
    public Optional<Duration> retryAfter() {
        return outcome instanceof RetryAfter(Duration delay) ? Optional.of(delay) : Optional.empty();
    }

    /**
     * The {@code JobFailure} in {@code failure}'s cause chain that decides the job's fate, so a handler may wrap one:
     * a permanent one anywhere wins, then the first that names a delay, then the first of any kind.
     */
    public static Optional<JobFailure> in(Throwable failure) {
        JobFailure first = null;
        JobFailure delayed = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JobFailure known) {
                if (!known.retryable()) {
                    return Optional.of(known);
                }
                first = first == null ? known : first;
                delayed = delayed == null && known.retryAfter().isPresent() ? known : delayed;
            }
        }
        return Optional.ofNullable(delayed != null ? delayed : first);
    }
}
