package org.creatorarchiver.phase2;

import org.creatorarchiver.process.WorkerProcess;

/** Phase 2 worker: post -> details and media decisions (queue phase2) and downloads (queue media). Runs until SIGTERM. */
public final class Phase2WorkerMain {

    private Phase2WorkerMain() {
    }

    public static void main(String[] args) {
        WorkerProcess.run("worker-phase2", args, (process, runtime) -> {
            // The phase 2 handlers register here (runtime.handle(JobTypes..., handler, retry policy)).
        });
    }
}
