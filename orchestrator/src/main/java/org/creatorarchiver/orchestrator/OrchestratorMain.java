package org.creatorarchiver.orchestrator;

import org.creatorarchiver.orchestrator.cli.CostsCommand;
import org.creatorarchiver.orchestrator.cli.EnqueueCommand;
import org.creatorarchiver.orchestrator.cli.ProcessAnywayCommand;
import org.creatorarchiver.orchestrator.cli.ReconcileCommand;
import org.creatorarchiver.orchestrator.cli.RetryDeadCommand;
import org.creatorarchiver.orchestrator.cli.SearchCommand;
import org.creatorarchiver.orchestrator.cli.ServeCommand;
import org.creatorarchiver.orchestrator.cli.SkippedCommand;
import org.creatorarchiver.orchestrator.cli.SourcesCommand;
import org.creatorarchiver.orchestrator.cli.StatusCommand;
import org.creatorarchiver.orchestrator.cli.TranscriptCommand;
import org.creatorarchiver.orchestrator.cli.VerboseOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The orchestrator's command line: every verb logs to stderr and prints only its result on stdout.
 */
@Command(
        name = "orchestrator",
        mixinStandardHelpOptions = true,
        version = "creator-archiver orchestrator 0.1",
        description = "Enqueues creators, shows and controls the queues, and serves the HTTP API.",
        subcommands = {
            EnqueueCommand.class,
            StatusCommand.class,
            RetryDeadCommand.class,
            ServeCommand.class,
            SkippedCommand.class,
            ProcessAnywayCommand.class,
            SourcesCommand.class,
            ReconcileCommand.class,
            TranscriptCommand.class,
            SearchCommand.class,
            CostsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class OrchestratorMain implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Log more to stderr, the effective configuration included.")
    void verbose(boolean verbose) {
        VerboseOption.apply(verbose);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'orchestrator help'");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests, which capture its output). */
    public static CommandLine commandLine() {
        return new CommandLine(new OrchestratorMain()).setExecutionExceptionHandler(new OneLineErrors());
    }
}
