package org.creatorarchiver.phase3;

import org.creatorarchiver.process.WorkerProcess;

/** Phase 3 worker: creator -> collections (queue phase3). Runs until SIGTERM. */
public final class Phase3WorkerMain {

    private Phase3WorkerMain() {
    }

    public static void main(String[] args) {
        WorkerProcess.run("worker-phase3", args, (process, runtime) -> {
            // The phase 3 handlers register here (runtime.handle(JobTypes..., handler, retry policy)).
        });
    }
}
