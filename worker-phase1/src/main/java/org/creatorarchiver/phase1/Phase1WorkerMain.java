package org.creatorarchiver.phase1;

import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.process.WorkerProcess;

/** Phase 1 worker: creator -> posts (queue phase1). Runs until SIGTERM. */
public final class Phase1WorkerMain {

    private Phase1WorkerMain() {
    }

    public static void main(String[] args) {
        WorkerProcess.run("worker-phase1", args, (process, runtime) ->
                runtime.handle(JobTypes.SYNC_CREATOR, handler(process), process.scrapingRetryPolicy()));
    }

    /** The phase 1 handler wired to the process's database, queue and Patreon client. */
    public static SyncCreatorHandler handler(ArchiverProcess process) {
        return SyncCreatorHandler.create(process.database().dsl(), process.queue(), process.http().patreon(),
                process.config().maxVideoDurationSeconds(), process.clock());
    }
}
