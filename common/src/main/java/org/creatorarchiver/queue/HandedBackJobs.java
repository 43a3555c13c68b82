package org.creatorarchiver.queue;

import java.util.List;

/** Logs the {@code handed_back} outcome of jobs moved from a processing list back to ready. */
final class HandedBackJobs {

    private HandedBackJobs() {}

    static void log(String queue, List<String> raws) {
        for (String raw : raws) {
            try {
                JobOutcome.HANDED_BACK.log(queue, JobCodec.decode(raw), -1, null);
            } catch (MalformedJobException e) {
                // Unreadable strings travel back too; the consumer that takes them dead-letters them.
            }
        }
    }
}
