package org.creatorarchiver.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one taken job through its handler and settles it: ack on success (taking the next ready job in the same round
 * trip while the worker is taking); on failure by its {@link JobFailure} outcome: give up at once (permanent), retry
 * later (no sooner than a {@code Retry-After}), dead-letter (retries ran out) or postpone. Never throws: one bad job
 * must not stop the consumer loop.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final JobQueue queue;
    private final Map<String, HandlerRegistration<?>> handlers;
    private final Clock clock;
    private final BooleanSupplier taking;
    private final BooleanSupplier abandoning;

    /**
     * @param taking     true while the worker takes new jobs
     * @param abandoning true once shutdown stopped waiting for jobs in flight: an interrupted job is then left in the
     *                   processing list for the hand-back instead of being counted as a failure
     */
    JobRunner(
            JobQueue queue,
            Map<String, HandlerRegistration<?>> handlers,
            Clock clock,
            BooleanSupplier taking,
            BooleanSupplier abandoning) {
        this.queue = queue;
        this.handlers = Map.copyOf(handlers);
        this.clock = clock;
        this.taking = taking;
        this.abandoning = abandoning;
    }

    /** Runs and settles the job; returns the next job when the ack took one along. */
    Optional<TakenJob> run(TakenJob taken) {
        long started = System.nanoTime();
        HandlerRegistration<?> registration = handlers.get(taken.job().type());
        if (registration == null) {
            // Another deployment may know the type: keep the job where an operator can retry it.
            deadLetter(
                    taken,
                    started,
                    "no handler for job type '" + taken.job().type() + "' in worker " + taken.workerId());
            return Optional.empty();
        }
        return run(taken, registration, started);
    }

    private <P extends Record> Optional<TakenJob> run(
            TakenJob taken, HandlerRegistration<P> registration, long started) {
        Optional<P> payload = payloadOrDeadLetter(taken, registration, started);
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        Job job = taken.job();
        JobContext context =
                new JobContext(job.id(), job.type(), taken.queue(), job.attempt(), taken.workerId(), clock);
        Throwable failure = failureOf(registration.handler(), payload.get(), context);
        if (failure != null && abandoning.getAsBoolean()) {
            // Interrupted by the shutdown: the job is handed back, not counted as a failed attempt.
            return Optional.empty();
        }
        return settleFinished(taken, registration, payload.get(), context, failure, started);
    }

    /** The job's payload; a job whose payload cannot be read is dead-lettered (it would fail on every delivery). */
    private <P extends Record> Optional<P> payloadOrDeadLetter(
            TakenJob taken, HandlerRegistration<P> registration, long started) {
        try {
            return Optional.of(JobCodec.payload(taken.job(), registration.type().payloadClass()));
        } catch (MalformedJobException e) {
            deadLetter(taken, started, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whatever the handler threw, or null when it succeeded. */
    private static <P extends Record> Throwable failureOf(JobHandler<P> handler, P payload, JobContext context) {
        try {
            handler.handle(payload, context);
            return null;
        } catch (Throwable e) {
            return e;
        }
    }

    private <P extends Record> Optional<TakenJob> settleFinished(
            TakenJob taken,
            HandlerRegistration<P> registration,
            P payload,
            JobContext context,
            Throwable failure,
            long started) {
        // A finished job is settled even during the shutdown; an interrupt flag left set (by the shutdown or the
        // handler) would only make the Redis calls below fail.
        Thread.interrupted();
        if (failure != null) {
            handleFailure(taken, registration, payload, context, failure, started);
            return Optional.empty();
        }
        Optional<TakenJob> next = ackSucceeded(taken);
        JobOutcome.SUCCEEDED.log(taken.queue(), taken.job(), elapsedMs(started), null);
        return next;
    }

    /** Acks and counts a job that succeeded; returns the next job when the ack took one along. */
    private Optional<TakenJob> ackSucceeded(TakenJob taken) {
        if (!taking.getAsBoolean()) {
            settle(taken, () -> queue.ack(taken));
            queue.countOutcome(taken.queue(), JobOutcome.SUCCEEDED);
            return Optional.empty();
        }
        Optional<JobQueue.Acked> acked = settleReturning(taken, () -> queue.ackAndTakeNext(taken));
        acked.ifPresent(result -> warnIfGone(taken, result.found()));
        return acked.flatMap(JobQueue.Acked::next);
    }

    /** Settles a failed job by its {@link JobFailure} outcome; any other throwable counts as a plain retry. */
    private <P extends Record> void handleFailure(
            TakenJob taken,
            HandlerRegistration<P> registration,
            P payload,
            JobContext context,
            Throwable failure,
            long started) {
        Optional<JobFailure> known = JobFailure.in(failure);
        switch (known.map(JobFailure::outcome).orElse(JobFailure.RETRY)) {
            case JobFailure.Permanent p -> failPermanently(taken, registration, payload, context, known.get(), started);
            case JobFailure.RetryAfter(Duration wait) ->
                retryOrGiveUp(taken, registration, payload, context, failure, wait, started);
            case JobFailure.Retry r ->
                retryOrGiveUp(taken, registration, payload, context, failure, Duration.ZERO, started);
            case JobFailure.Postpone(Instant until) -> postpone(taken, known.get(), until, started);
        }
    }

    /** Parks the job until {@code until} without counting an attempt: it did not fail, it may not run yet. */
    private void postpone(TakenJob taken, JobFailure reason, Instant until, long started) {
        settle(taken, () -> queue.delay(taken, taken.job().postponed(reason.getMessage()), until));
        JobOutcome.POSTPONED.log(taken.queue(), taken.job(), elapsedMs(started), reason.getMessage());
    }

    /** Gives the job up at once: onGaveUp records the reason, then the job is acked (dead-lettered if that failed). */
    private <P extends Record> void failPermanently(
            TakenJob taken,
            HandlerRegistration<P> registration,
            P payload,
            JobContext context,
            JobFailure permanent,
            long started) {
        String reason = truncate(permanent.getMessage() == null ? describe(permanent) : permanent.getMessage());
        String recordingError = giveUp(registration, payload, context, reason);
        if (recordingError != null) {
            deadLetter(taken, started, reason + "; recording the failure failed: " + recordingError);
            return;
        }
        settle(taken, () -> queue.ack(taken));
        JobOutcome.FAILED_PERMANENTLY.log(taken.queue(), taken.job(), elapsedMs(started), reason);
        queue.countOutcome(taken.queue(), JobOutcome.FAILED_PERMANENTLY);
    }

    /**
     * Schedules a retry, no sooner than {@code asked}, while the policy allows one; otherwise gives the job up and
     * dead-letters it.
     */
    private <P extends Record> void retryOrGiveUp(
            TakenJob taken,
            HandlerRegistration<P> registration,
            P payload,
            JobContext context,
            Throwable failure,
            Duration asked,
            long started) {
        String error = describe(failure);
        int failedAttempts = taken.job().attempt() + 1;
        RetryPolicy policy = registration.retryPolicy();
        if (!policy.allowsRetryAfter(failedAttempts)) {
            deadLetterAfterRetries(taken, registration, payload, context, error, started);
            return;
        }
        Duration delay = longer(asked, policy.delayBeforeRetry(failedAttempts, ThreadLocalRandom.current()));
        settle(taken, () -> queue.retryLater(taken, error, clock.instant().plus(delay)));
        JobOutcome.RETRY_SCHEDULED.log(
                taken.queue(), taken.job(), elapsedMs(started), error + " (retry in " + delay + ")");
        queue.countOutcome(taken.queue(), JobOutcome.RETRY_SCHEDULED);
    }

    /** The retries ran out: onGaveUp records the reason, and the job goes to the dead list. */
    private <P extends Record> void deadLetterAfterRetries(
            TakenJob taken,
            HandlerRegistration<P> registration,
            P payload,
            JobContext context,
            String error,
            long started) {
        int attempts = taken.job().attempt() + 1;
        String recordingError =
                giveUp(registration, payload, context, truncate("gave up after " + attempts + " attempts: " + error));
        deadLetter(
                taken,
                started,
                recordingError == null ? error : error + "; recording the failure failed: " + recordingError);
    }

    /** Calls the handler's onGaveUp; returns null when it worked, else what went wrong. */
    private static <P extends Record> String giveUp(
            HandlerRegistration<P> registration, P payload, JobContext context, String reason) {
        try {
            registration.handler().onGaveUp(payload, context, reason);
            return null;
        } catch (Throwable e) {
            log.error("job {} ({}): onGaveUp failed", context.jobId(), context.type(), e);
            return describe(e);
        }
    }

    private void deadLetter(TakenJob taken, long started, String error) {
        String stored = truncate(error);
        settle(taken, () -> queue.deadLetter(taken, stored));
        JobOutcome.DEAD_LETTERED.log(taken.queue(), taken.job(), elapsedMs(started), stored);
        queue.countOutcome(taken.queue(), JobOutcome.DEAD_LETTERED);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? a : b;
    }

    /**
     * Runs a Redis step that settles the job until it succeeds: giving up would leave the job in a live worker's
     * processing list, where no reaper would ever find it. Stops once shutdown abandons jobs (they are handed back).
     */
    private void settle(TakenJob taken, Supplier<Boolean> step) {
        settleReturning(taken, step).ifPresent(found -> warnIfGone(taken, found));
    }

    /** {@link #settle} for a step with a result; empty when the shutdown stopped the attempts. */
    private <T> Optional<T> settleReturning(TakenJob taken, Supplier<T> step) {
        Backoff backoff = new Backoff();
        while (true) {
            try {
                return Optional.of(step.get());
            } catch (RuntimeException e) {
                if (!pausedToSettleAgain(taken, backoff, e)) {
                    return Optional.empty();
                }
            }
        }
    }

    /** Waits before the next attempt; false when the shutdown abandons jobs, before the pause or during it. */
    private boolean pausedToSettleAgain(TakenJob taken, Backoff backoff, RuntimeException failure) {
        if (abandoning.getAsBoolean()) {
            return false;
        }
        log.warn(
                "cannot settle job {} in Redis, trying again in {}: {}",
                taken.job().id(),
                backoff.next(),
                failure.toString());
        return backoff.pause() || !abandoning.getAsBoolean();
    }

    private static void warnIfGone(TakenJob taken, boolean found) {
        if (!found) {
            log.warn(
                    "job {} ({}) was no longer in {}: it was handed back while it ran and may run again",
                    taken.job().id(),
                    taken.job().type(),
                    taken.processingKey());
        }
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return truncate(failure.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "...";
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
