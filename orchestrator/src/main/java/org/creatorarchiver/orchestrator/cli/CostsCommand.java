package org.creatorarchiver.orchestrator.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.creatorarchiver.config.ConfigStartup;
import org.creatorarchiver.costs.Spending;
import org.creatorarchiver.costs.SpendingReport;
import org.creatorarchiver.orchestrator.costs.CostsJson;
import org.creatorarchiver.orchestrator.costs.CostsText;
import org.creatorarchiver.orchestrator.status.StatusJson;
import org.creatorarchiver.process.ReadOnlyArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "costs",
        mixinStandardHelpOptions = true,
        description = "Shows what the transcription and summary APIs cost: today (UTC day) against budget.daily_usd,"
                + " in all, and the audio minutes and tokens sent.")
public final class CostsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object instead of the invoice.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ReadOnlyArchive archive = ReadOnlyArchive.open("orchestrator", ConfigStartup.loadOrExit())) {
            SpendingReport spending = Spending.read(
                    archive.dsl(),
                    Clock.systemUTC(),
                    archive.config().settings().budget());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(StatusJson.mapper().writeValueAsString(CostsJson.of(spending)));
            } else {
                out.print(CostsText.invoice(spending));
            }
            out.flush();
            return 0;
        }
    }
}
