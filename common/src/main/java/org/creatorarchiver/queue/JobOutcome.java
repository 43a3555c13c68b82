package org.creatorarchiver.queue;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/** How one delivery of a job ended; each ending is logged as exactly one line with key-value fields. */
public enum JobOutcome {
    SUCCEEDED(Level.INFO),
    RETRY_SCHEDULED(Level.WARN),
    /** Not a failure: the job may not run yet (a daily budget) and waits, its attempts unchanged. */
    POSTPONED(Level.INFO),
    DEAD_LETTERED(Level.ERROR),
    FAILED_PERMANENTLY(Level.WARN),
    HANDED_BACK(Level.INFO);

    private static final Logger log = LoggerFactory.getLogger(JobOutcome.class);

    private final Level level;

    JobOutcome(Level level) {
        this.level = level;
    }

    /** The name used in logs: {@code succeeded}, {@code retry_scheduled}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Logs this outcome of a delivery that took {@code millis} ({@code -1} when unknown); {@code error} may be null. */
    void log(String queue, Job job, long millis, String error) {
        event(queue, job, millis, error)
                .log(
                        "job {} {} on {}: {} (attempt {}{}){}",
                        job.id(),
                        job.type(),
                        queue,
                        label(),
                        job.attempt(),
                        millis >= 0 ? ", " + millis + " ms" : "",
                        error == null ? "" : ": " + error);
    }

    /** The key-value fields of the log line; {@code ms} and {@code error} only when known. */
    private LoggingEventBuilder event(String queue, Job job, long millis, String error) {
        LoggingEventBuilder event = log.atLevel(level)
                .addKeyValue("job_id", job.id())
                .addKeyValue("type", job.type())
                .addKeyValue("queue", queue)
                .addKeyValue("outcome", label())
                .addKeyValue("attempt", job.attempt());
        if (millis >= 0) {
            event = event.addKeyValue("ms", millis);
        }
        if (error != null) {
            event = event.addKeyValue("error", error);
        }
        return event;
    }
}
