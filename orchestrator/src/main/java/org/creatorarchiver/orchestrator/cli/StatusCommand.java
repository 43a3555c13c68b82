package org.creatorarchiver.orchestrator.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.creatorarchiver.config.ConfigStartup;
import org.creatorarchiver.orchestrator.status.StatusJson;
import org.creatorarchiver.orchestrator.status.StatusText;
import org.creatorarchiver.orchestrator.status.SystemStatus;
import org.creatorarchiver.orchestrator.status.SystemStatusReader;
import org.creatorarchiver.process.ReadOnlyArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows the queues (ready, delayed, processing, dead), the workers alive, sources, posts, videos"
                + " and transcripts by status, and today's spending when budget.daily_usd is set.")
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ReadOnlyArchive archive = ReadOnlyArchive.open("orchestrator", ConfigStartup.loadOrExit())) {
            SystemStatus status = reader(archive).read();
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(StatusJson.mapper().writeValueAsString(StatusJson.status(status)));
            } else {
                out.print(StatusText.render(status));
            }
            out.flush();
            return 0;
        }
    }

    private static SystemStatusReader reader(ReadOnlyArchive archive) {
        return new SystemStatusReader(
                archive.queues(), archive.dsl(), archive.config().settings().budget(), Clock.systemUTC());
    }
}
