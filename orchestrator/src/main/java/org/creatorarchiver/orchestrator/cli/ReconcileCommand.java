package org.creatorarchiver.orchestrator.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.creatorarchiver.orchestrator.reconcile.Reconciler;
import org.creatorarchiver.process.ArchiverProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        description = "Enqueues again what the database says is unfinished but no queue holds (after a Redis"
                + " FLUSHDB, say): sources never synced or pending (sync_creator), collections never synced"
                + " (sync_collections), posts discovered, queued or processing (process_post), media queued"
                + " (download_media). Jobs already ready, delayed, processing or dead are not enqueued twice,"
                + " so a second run enqueues nothing.")
public final class ReconcileCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (ArchiverProcess process = ArchiverProcess.start("orchestrator")) {
            Map<String, Reconciler.Enqueued> counts =
                    new Reconciler(process.database().dsl(), process.queue(), process.settings()).run();
            PrintWriter out = spec.commandLine().getOut();
            counts.forEach((type, count) -> out.printf(
                    "%s: %d enqueued (%d unfinished, %d already held)%n",
                    type, count.enqueued(), count.unfinished(), count.unfinished() - count.enqueued()));
            out.flush();
            return 0;
        }
    }
}
