package org.creatorarchiver.queue;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The queue names of the system (see docs/ARCHITECTURE.md "Queues and Redis keys"); every process promotes delayed
 * jobs of all of them.
 */
public final class Queues {

    public static final String PHASE1 = "phase1";
    public static final String PHASE2 = "phase2";
    public static final String MEDIA = "media";
    public static final String PHASE3 = "phase3";
    /** Phase 4: a kept recording becomes a transcript (captions, else the transcription API). */
    public static final String TRANSCRIBE = "transcribe";
    /** Phase 4: a finished transcript becomes a summary (the chat API). */
    public static final String SUMMARIZE = "summarize";

    public static final List<String> ALL = List.of(PHASE1, PHASE2, MEDIA, PHASE3, TRANSCRIBE, SUMMARIZE);

    /** Compiled once: every key a job touches is checked, so this runs several times per job. */
    private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9_-]{1,64}");

    private Queues() {}

    /** Queue names become part of Redis keys and SCAN patterns, so they are kept to a safe alphabet. */
    static String requireValidName(String queue) {
        if (queue == null || !VALID_NAME.matcher(queue).matches()) {
            throw new IllegalArgumentException("queue name must match [a-z0-9_-]{1,64}, got '" + queue + "'");
        }
        return queue;
    }
}
