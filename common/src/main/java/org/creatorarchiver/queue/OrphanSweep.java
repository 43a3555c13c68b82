package org.creatorarchiver.queue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands back jobs sitting in this live worker's own processing lists that none of its consumers holds. That happens
 * when a take's reply is lost (a connection drop after Redis ran BLMOVE, or a client-side retry of it): the job moved
 * in Redis but no thread got it, and as the worker is alive the reaper would never free it. A job counts as orphaned
 * only when two sweeps at least {@link #MIN_AGE} apart both find it unheld, so a reply still in transit is left alone.
 */
final class OrphanSweep {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);
    static final Duration MIN_AGE = Duration.ofSeconds(2);

    private final ProcessingLists processingLists;
    private final String workerId;
    private final List<String> queues;
    private final Set<String> inFlight;
    /** Unheld jobs seen by earlier sweeps, by queue and raw job, with when they were first seen (nanoTime). */
    private Map<List<String>, Long> suspects = new HashMap<>();

    /** @param inFlight the raw jobs this worker's consumers hold right now (shared, concurrently updated) */
    OrphanSweep(ProcessingLists processingLists, String workerId, List<String> queues, Set<String> inFlight) {
        this.processingLists = processingLists;
        this.workerId = workerId;
        this.queues = List.copyOf(queues);
        this.inFlight = inFlight;
    }

    void sweep() {
        long now = System.nanoTime();
        Map<List<String>, Long> stillSuspect = new HashMap<>();
        for (String name : queues) {
            for (String raw : processingLists.processing(name, workerId)) {
                if (!inFlight.contains(raw)) {
                    handBackIfOrphaned(name, raw, now, stillSuspect);
                }
            }
        }
        suspects = stillSuspect;
    }

    /** An unheld job seen for the first time, or too recently, stays a suspect until the next sweep. */
    private void handBackIfOrphaned(String name, String raw, long now, Map<List<String>, Long> stillSuspect) {
        List<String> key = List.of(name, raw);
        Long firstSeen = suspects.get(key);
        if (firstSeen == null || now - firstSeen < MIN_AGE.toNanos()) {
            stillSuspect.put(key, firstSeen == null ? now : firstSeen);
        } else if (processingLists.handBack(name, workerId, raw)) {
            log.warn(
                    "worker {}: a {} job sat in its processing list with no consumer holding it "
                            + "(a lost take reply); handed it back",
                    workerId,
                    name);
            HandedBackJobs.log(name, List.of(raw));
        }
    }
}
