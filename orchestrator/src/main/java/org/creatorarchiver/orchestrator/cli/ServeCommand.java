package org.creatorarchiver.orchestrator.cli;

import java.util.concurrent.Callable;
import org.creatorarchiver.orchestrator.serve.ServeServices;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.queue.WorkerRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serves the HTTP API and runs the housekeeping (promotes due retries, hands back the jobs of"
                + " dead workers, removes their temp files, deletes stored files nothing points at any more, re-syncs"
                + " every source every scraping.resync_interval) until SIGTERM.")
public final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "TCP port of the HTTP API (default: ${DEFAULT-VALUE}).")
    private int port;

    // The API has no authentication: local unless the operator says otherwise (the container says 0.0.0.0 and
    // publishes the port on the host's loopback).
    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    private String bind;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port=" + port + ": must be between 0 and 65535");
        }
        try (ArchiverProcess process = ArchiverProcess.startService("orchestrator", false);
                ServeServices services = ServeServices.start(process, bind, port)) {
            WorkerRuntime housekeeping = process.workerRuntime().build();
            housekeeping.runUntilShutdown();
        }
        return 0;
    }
}
