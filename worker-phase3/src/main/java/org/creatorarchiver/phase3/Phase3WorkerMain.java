package org.creatorarchiver.phase3;

import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.process.WorkerProcess;
import org.creatorarchiver.queue.WorkerRuntime;

/** Phase 3 worker: creator -> collections (queue phase3). Runs until SIGTERM. */
public final class Phase3WorkerMain {

    private Phase3WorkerMain() {}

    public static void main(String[] args) {
        WorkerProcess.run("worker-phase3", args, Phase3WorkerMain::register);
    }

    /** Adds phase 3's handler to a runtime: this worker's, or the one-process system's ({@code ./archiver run}). */
    public static void register(ArchiverProcess process, WorkerRuntime.Builder runtime) {
        runtime.handle(JobTypes.SYNC_COLLECTIONS, handler(process), process.scrapingRetryPolicy());
    }

    /** The phase 3 handler wired to the process's database and Patreon client. */
    public static SyncCollectionsHandler handler(ArchiverProcess process) {
        return SyncCollectionsHandler.create(
                process.database().dsl(), process.http().patreon(), process.clock());
    }
}
