package org.creatorarchiver.orchestrator.cli;

import org.creatorarchiver.orchestrator.api.ApiRoutes;
import org.creatorarchiver.orchestrator.api.ApiServer;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.orchestrator.media.UnreferencedFilesSweep;
import org.creatorarchiver.orchestrator.resync.PeriodicResync;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.queue.WorkerRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the HTTP API and runs the housekeeping (promotes due retries, hands back the jobs of"
                + " dead workers, removes their temp files, deletes stored files nothing points at any more, re-syncs"
                + " every source every scraping.resync_interval) until SIGTERM.")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", defaultValue = "8080", description = "TCP port of the HTTP API (default: ${DEFAULT-VALUE}).")
    private int port;

    // The API has no authentication: local unless the operator says otherwise (the container says 0.0.0.0 and
    // publishes the port on the host's loopback).
    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    private String bind;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port=" + port + ": must be between 0 and 65535");
        }
        try (ArchiverProcess process = ArchiverProcess.startService("orchestrator", false);
             ApiServer api = ApiServer.start(bind, port,
                     new ApiRoutes(process.queue(), process.redis(), process.database().dsl()).routes());
             PeriodicResync resync = resync(process);
             UnreferencedFilesSweep sweep = new UnreferencedFilesSweep(process.database().dsl(),
                     new MediaStore(process.config().mediaDir(), process.database().dsl()),
                     UnreferencedFilesSweep.DEFAULT_GRACE)) {
            sweep.start(UnreferencedFilesSweep.DEFAULT_INTERVAL);
            WorkerRuntime housekeeping = process.workerRuntime().build();
            housekeeping.runUntilShutdown();
        }
        return 0;
    }

    /** The re-sync of {@code scraping.resync_interval}, or null (nothing to close) when the setting is unset. */
    private static PeriodicResync resync(ArchiverProcess process) {
        if (process.settings().scraping().resyncInterval().isEmpty()) {
            log.info("scraping.resync_interval is unset: no periodic re-sync");
        }
        return process.settings().scraping().resyncInterval()
                .map(interval -> {
                    PeriodicResync resync = new PeriodicResync(process.database().dsl(), process.queue(), interval);
                    resync.start();
                    return resync;
                })
                .orElse(null);
    }
}
