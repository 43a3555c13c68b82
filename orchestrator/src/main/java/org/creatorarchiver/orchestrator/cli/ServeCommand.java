package org.creatorarchiver.orchestrator.cli;

import org.creatorarchiver.orchestrator.api.ApiRoutes;
import org.creatorarchiver.orchestrator.api.ApiServer;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.queue.WorkerRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the HTTP API and runs the housekeeping (promotes due retries, hands back the jobs of"
                + " dead workers, removes their temp files) until SIGTERM.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "TCP port of the HTTP API (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", defaultValue = "0.0.0.0",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 127.0.0.1 keeps the API local).")
    private String bind;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port=" + port + ": must be between 0 and 65535");
        }
        try (ArchiverProcess process = ArchiverProcess.start("orchestrator");
             ApiServer api = ApiServer.start(bind, port,
                     new ApiRoutes(process.queue(), process.redis(), process.database().dsl()).routes())) {
            WorkerRuntime housekeeping = process.workerRuntime().build();
            housekeeping.runUntilShutdown();
        }
        return 0;
    }
}
