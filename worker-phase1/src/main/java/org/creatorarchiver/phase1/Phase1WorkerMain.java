package org.creatorarchiver.phase1;

import org.creatorarchiver.process.WorkerProcess;

/** Phase 1 worker: creator -> posts (queue phase1). Runs until SIGTERM. */
public final class Phase1WorkerMain {

    private Phase1WorkerMain() {
    }

    public static void main(String[] args) {
        WorkerProcess.run("worker-phase1", args, (process, runtime) -> {
            // The phase 1 handlers register here (runtime.handle(JobTypes..., handler, retry policy)).
        });
    }
}
