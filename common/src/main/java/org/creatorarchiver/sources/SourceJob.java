package org.creatorarchiver.sources;

import java.util.Optional;
import java.util.function.LongConsumer;
import org.creatorarchiver.http.HttpFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skeleton of a job about one source (phase 1's listing, phase 3's collections): find the row, resolve the
 * campaign ({@link SourceResolution}), do the phase's work, record that it finished and that the source works, and
 * settle failures ({@link SourceFailures}): a refusal that is the source's state is written on its row and not
 * retried, anything else goes back to the queue as it is. Each phase supplies only its {@link Work} and its finish
 * step; when the queue gives up, {@link #gaveUp} marks the source {@code failed}.
 */
public final class SourceJob {

    /** A phase's work on a resolved source. */
    @FunctionalInterface
    public interface Work {

        /** Does the work; returns what to report (a log line) once the source is recorded as finished and working. */
        Runnable run(Source source) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(SourceJob.class);

    private final SourceStore sources;
    private final SourceResolution resolution;
    private final LongConsumer finish;
    private final String nothingToDo;

    /**
     * @param finish      the phase's end mark on the row (e.g. {@link SourceStore#finishListing}), given the source id
     * @param nothingToDo what the log says when the source is gone (e.g. "nothing to sync")
     */
    public SourceJob(SourceStore sources, SourceResolution resolution, LongConsumer finish, String nothingToDo) {
        this.sources = sources;
        this.resolution = resolution;
        this.finish = finish;
        this.nothingToDo = nothingToDo;
    }

    /** Runs {@code work} on source {@code sourceId}; a source that no longer exists is left alone. */
    public void run(long sourceId, Work work) throws Exception {
        Optional<Source> found = sources.find(sourceId);
        if (found.isEmpty()) {
            // Deleted, or merged into the source of the same campaign, whose own job does the work.
            log.info("source {} no longer exists: {}", sourceId, nothingToDo);
            return;
        }
        try {
            Source source = resolution.resolved(found.get());
            Runnable report = work.run(source);
            finish.accept(source.id());
            sources.markActive(source.id());
            report.run();
        } catch (HttpFailureException e) {
            throw SourceFailures.settle(sources, sourceId, e);
        }
    }

    /** The queue gave up on the job with {@code reason}: see {@link SourceStore#recordGaveUp}. */
    public void gaveUp(long sourceId, String reason) {
        sources.recordGaveUp(sourceId, reason);
    }
}
