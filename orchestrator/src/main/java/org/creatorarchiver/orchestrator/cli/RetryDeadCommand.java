package org.creatorarchiver.orchestrator.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.queue.Queues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "retry-dead",
        mixinStandardHelpOptions = true,
        description = "Moves dead-lettered jobs back to their ready queue with a fresh retry budget"
                + " (their last error is kept).")
public final class RetryDeadCommand implements Callable<Integer> {

    @Option(
            names = {"-q", "--queue"},
            paramLabel = "Q",
            description = "A queue to retry: phase1, phase2, media or phase3; repeatable (default: all).")
    private List<String> queueOptions = List.of();

    @Parameters(
            paramLabel = "QUEUE",
            arity = "0..*",
            description = "Queues to retry, as positional arguments (same as --queue).")
    private List<String> queueArguments = List.of();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<String> queues = chosenQueues();
        List<String> chosen = queues.isEmpty() ? Queues.ALL : queues;
        try (ArchiverProcess process = ArchiverProcess.start("orchestrator")) {
            var out = spec.commandLine().getOut();
            for (String queue : chosen) {
                out.printf(
                        "%s: %d job(s) moved back to ready%n",
                        queue, process.queue().retryDead(queue));
            }
            out.flush();
            return 0;
        }
    }

    /** The queues named by option or argument, each once; refuses a name that is no queue. */
    private List<String> chosenQueues() {
        List<String> queues = java.util.stream.Stream.concat(queueOptions.stream(), queueArguments.stream())
                .distinct()
                .toList();
        for (String queue : queues) {
            if (!Queues.ALL.contains(queue)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "unknown queue '" + queue + "': expected one of " + String.join(", ", Queues.ALL));
            }
        }
        return queues;
    }
}
