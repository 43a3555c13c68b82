package org.creatorarchiver.queue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One consumer slot of a queue: take, run, repeat, until the runtime stops taking. */
final class QueueConsumer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(QueueConsumer.class);
    /** Short so that a stop is noticed within about a second (BLMOVE counts whole seconds). */
    static final Duration TAKE_TIMEOUT = Duration.ofSeconds(1);

    private final JobQueue queue;
    private final JobRunner runner;
    private final String queueName;
    private final String workerId;
    private final Set<String> inFlight;
    private final BooleanSupplier taking;

    QueueConsumer(
            JobQueue queue,
            JobRunner runner,
            String queueName,
            String workerId,
            Set<String> inFlight,
            BooleanSupplier taking) {
        this.queue = queue;
        this.runner = runner;
        this.queueName = queueName;
        this.workerId = workerId;
        this.inFlight = inFlight;
        this.taking = taking;
    }

    /** Runs the job; returns the next one when settling it took one along. */
    private Optional<TakenJob> runTracked(TakenJob taken) {
        inFlight.add(taken.raw());
        try {
            return runner.run(taken);
        } finally {
            inFlight.remove(taken.raw());
        }
    }

    @Override
    public void run() {
        Backoff backoff = new Backoff();
        Optional<TakenJob> next = Optional.empty();
        while (taking.getAsBoolean()) {
            Optional<TakenJob> taken = next.isPresent() ? next : takeOrPause(backoff);
            // A job that arrives after the stop stays in the processing list: the shutdown hands it back.
            next = taken.isPresent() && taking.getAsBoolean() ? runTracked(taken.get()) : Optional.empty();
        }
    }

    /** Waits up to {@link #TAKE_TIMEOUT} for a job; after a Redis error pauses (unless stopping) and returns none. */
    private Optional<TakenJob> takeOrPause(Backoff backoff) {
        try {
            Optional<TakenJob> taken = queue.take(queueName, workerId, TAKE_TIMEOUT);
            backoff.reset();
            return taken;
        } catch (RuntimeException e) {
            if (taking.getAsBoolean()) {
                log.warn("cannot take from queue {}, trying again in {}: {}", queueName, backoff.next(), e.toString());
                backoff.pause();
            }
            return Optional.empty();
        }
    }
}
