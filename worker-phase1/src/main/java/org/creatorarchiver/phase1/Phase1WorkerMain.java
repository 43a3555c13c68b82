package org.creatorarchiver.phase1;

import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.process.WorkerProcess;
import org.creatorarchiver.queue.WorkerRuntime;

/** Phase 1 worker: creator -> posts (queue phase1). Runs until SIGTERM. */
public final class Phase1WorkerMain {

    private Phase1WorkerMain() {}

    public static void main(String[] args) {
        WorkerProcess.run("worker-phase1", args, Phase1WorkerMain::register);
    }

    /** Adds phase 1's handler to a runtime: this worker's, or the one-process system's ({@code ./archiver run}). */
    public static void register(ArchiverProcess process, WorkerRuntime.Builder runtime) {
        runtime.handle(JobTypes.SYNC_CREATOR, handler(process), process.scrapingRetryPolicy());
    }

    /** The phase 1 handler wired to the process's database, queue and Patreon client. */
    public static SyncCreatorHandler handler(ArchiverProcess process) {
        return SyncCreatorHandler.create(
                process.database().dsl(),
                process.queue(),
                process.http().patreon(),
                process.config().maxVideoDurationSeconds(),
                process.clock());
    }
}
