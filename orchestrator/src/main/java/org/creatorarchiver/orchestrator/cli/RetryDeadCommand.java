package org.creatorarchiver.orchestrator.cli;

import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.queue.Queues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "retry-dead", mixinStandardHelpOptions = true,
        description = "Moves dead-lettered jobs back to their ready queue with a fresh retry budget"
                + " (their last error is kept).")
public final class RetryDeadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "QUEUE", arity = "0..*",
            description = "Queues to retry: phase1, phase2, media, phase3 (default: all).")
    private List<String> queues = List.of();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        for (String queue : queues) {
            if (!Queues.ALL.contains(queue)) {
                throw new ParameterException(spec.commandLine(),
                        "unknown queue '" + queue + "': expected one of " + String.join(", ", Queues.ALL));
            }
        }
        List<String> chosen = queues.isEmpty() ? Queues.ALL : queues;
        try (ArchiverProcess process = ArchiverProcess.start("orchestrator")) {
            var out = spec.commandLine().getOut();
            for (String queue : chosen) {
                out.printf("%s: %d job(s) moved back to ready%n", queue, process.queue().retryDead(queue));
            }
            out.flush();
            return 0;
        }
    }
}
