package org.creatorarchiver.allinone;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.creatorarchiver.config.AppConfig;
import org.creatorarchiver.config.ConfigStartup;
import org.creatorarchiver.orchestrator.OneLineErrors;
import org.creatorarchiver.orchestrator.cli.CreatorInputs;
import org.creatorarchiver.orchestrator.cli.EnqueueCommand;
import org.creatorarchiver.orchestrator.cli.VerboseOption;
import org.creatorarchiver.orchestrator.serve.ServeServices;
import org.creatorarchiver.patreon.CreatorInputParser;
import org.creatorarchiver.phase1.Phase1WorkerMain;
import org.creatorarchiver.phase2.Phase2WorkerMain;
import org.creatorarchiver.phase3.Phase3WorkerMain;
import org.creatorarchiver.phase4.Phase4WorkerMain;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.queue.WorkerRuntime;
import org.creatorarchiver.sources.CreatorSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./archiver run [CREATOR...]}: the whole system in one JVM for a small server. It is {@code serve} (HTTP API,
 * housekeeping, re-syncs, file sweep) and one worker of each phase on one worker runtime: the same queues, database
 * and settings as separate processes, each queue with its own concurrency, one heartbeat, one database pool and one
 * copy of the libraries' classes. SIGTERM drains every queue's jobs as a worker's does. Separate processes stay the
 * way to scale out (compose, {@code bin/start}).
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        version = "creator-archiver run 0.1",
        description = "Runs the whole system in one process until SIGTERM: the HTTP API and housekeeping of 'serve'"
                + " and one worker of each phase (phase1, phase2 + media, phase3, phase4 when transcripts or"
                + " summaries are enabled), each queue with its configured"
                + " concurrency. CREATORs given are enqueued once it is up, as 'enqueue' does.")
public final class RunCommand implements Callable<Integer> {

    /** The process name: worker ids, the heartbeat and the database connections' application name start with it. */
    static final String PROCESS_NAME = "archiver-run";

    private static final int EXIT_BAD_INPUT = 2;
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Parameters(
            paramLabel = "CREATOR",
            arity = "0..*",
            description = "Creators to archive, in any form 'enqueue' takes.")
    private List<String> creators = List.of();

    @Option(names = "--full", description = "Phase 1 lists every post of those creators again.")
    private boolean full;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "TCP port of the HTTP API (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    private String bind;

    @Option(
            names = {"-v", "--verbose"},
            description = "Log more to stderr.")
    void verbose(boolean verbose) {
        VerboseOption.apply(verbose);
    }

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RunCommand())
                .setExecutionExceptionHandler(new OneLineErrors())
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        checkPort();
        AppConfig config = ConfigStartup.loadForServiceOrExit(true);
        // Refused before anything starts, as 'enqueue' refuses them: nothing half-done to stop.
        CreatorInputs.Parsed parsed = CreatorInputs.parse(
                CreatorInputs.fromArguments(creators),
                new CreatorInputParser(config.patreon().host()));
        if (!parsed.errors().isEmpty()) {
            return refuse(parsed.errors());
        }
        runUntilShutdown(config, parsed);
        return 0;
    }

    private void checkPort() {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--port=" + port + ": must be between 0 and 65535");
        }
    }

    private int refuse(List<String> errors) {
        PrintWriter err = spec.commandLine().getErr();
        errors.forEach(error -> err.println("run: " + error));
        err.println(
                "run: nothing started: " + errors.size() + " of " + creators.size() + " creator(s) name no creator");
        err.flush();
        return EXIT_BAD_INPUT;
    }

    /** Starts the services and every phase's worker, enqueues the creators given, and runs until SIGTERM. */
    private void runUntilShutdown(AppConfig config, CreatorInputs.Parsed parsed) throws Exception {
        try (ArchiverProcess process = ArchiverProcess.startService(PROCESS_NAME, config, Queues.ALL);
                ServeServices services = ServeServices.start(process, bind, port)) {
            WorkerRuntime.Builder workers = everyPhase(process);
            WorkerRuntime runtime = process.applyConcurrency(workers).build();
            log.info(
                    "the whole system runs in this process: API on {}:{}, queues {}",
                    bind,
                    services.port(),
                    workers.consumedQueues());
            enqueue(process, parsed);
            runtime.runUntilShutdown();
        }
    }

    /** Each phase's handlers, added by the phase's own worker main as its process would. */
    private static WorkerRuntime.Builder everyPhase(ArchiverProcess process) {
        WorkerRuntime.Builder workers = process.workerRuntime();
        Phase1WorkerMain.register(process, workers);
        Phase2WorkerMain.register(process, workers);
        Phase3WorkerMain.register(process, workers);
        Phase4WorkerMain.register(process, workers);
        return workers;
    }

    private void enqueue(ArchiverProcess process, CreatorInputs.Parsed parsed) {
        if (!parsed.creators().isEmpty()) {
            EnqueueCommand.enqueueAll(
                    parsed.creators(),
                    full,
                    new CreatorSources(process.database().dsl()),
                    process.queue(),
                    spec.commandLine().getOut());
        }
    }
}
