package org.creatorarchiver.process;

import java.util.function.BiConsumer;
import org.creatorarchiver.queue.WorkerRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a worker process ({@code java -jar worker-phaseN.jar}, no arguments): start the process, register
 * the module's job handlers, consume its queues until SIGTERM, then hand back what is unfinished and close.
 */
public final class WorkerProcess {

    /** Exit status for arguments given to a worker, which takes none. */
    public static final int EXIT_USAGE = 64;

    private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);

    private WorkerProcess() {}

    /**
     * @param name             the process name (worker ids start with it)
     * @param registerHandlers adds the module's handlers; their queues are consumed with the configured concurrency
     */
    public static void run(
            String name, String[] args, BiConsumer<ArchiverProcess, WorkerRuntime.Builder> registerHandlers) {
        if (args.length > 0) {
            System.err.println(name + " takes no arguments (configuration comes from the environment and "
                    + "config/settings.json); got: " + String.join(" ", args));
            System.exit(EXIT_USAGE);
        }
        try (ArchiverProcess process = ArchiverProcess.startService(name, true)) {
            WorkerRuntime.Builder runtime = process.workerRuntime();
            registerHandlers.accept(process, runtime);
            if (runtime.consumedQueues().isEmpty()) {
                log.warn("{} has no job handlers yet: it only runs the queue housekeeping", name);
            }
            process.applyConcurrency(runtime).build().runUntilShutdown();
        }
    }
}
