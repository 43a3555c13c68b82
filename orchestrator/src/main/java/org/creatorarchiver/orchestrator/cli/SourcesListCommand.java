package org.creatorarchiver.orchestrator.cli;

import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import org.creatorarchiver.config.ConfigStartup;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.orchestrator.sources.SourceLimits;
import org.creatorarchiver.process.ReadOnlyArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the sources: id, vanity, campaign id, name, status, video duration limit, when posts"
                + " and collections were last synced, and the last error.")
public final class SourcesListCommand implements Callable<Integer> {

    private static final String ROW = "%-6s %-20s %-10s %-24s %-12s %-14s %-24s %-24s %s%n";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (ReadOnlyArchive archive = ReadOnlyArchive.open("orchestrator", ConfigStartup.loadOrExit())) {
            List<SourcesRecord> sources = new SourceLimits(archive.dsl()).all();
            PrintWriter out = spec.commandLine().getOut();
            if (sources.isEmpty()) {
                out.println("no sources: 'enqueue CREATOR' adds one");
            } else {
                printTable(out, sources, archive.config().maxVideoDurationSeconds());
            }
            out.flush();
            return 0;
        }
    }

    private static void printTable(PrintWriter out, List<SourcesRecord> sources, int globalLimit) {
        out.printf(
                ROW,
                "id",
                "vanity",
                "campaign",
                "name",
                "status",
                "limit (s)",
                "posts synced",
                "collections synced",
                "last error");
        for (SourcesRecord source : sources) {
            printRow(out, source, globalLimit);
        }
    }

    private static void printRow(PrintWriter out, SourcesRecord source, int globalLimit) {
        out.printf(
                ROW,
                source.getId(),
                orDash(source.getVanity()),
                orDash(source.getExternalId()),
                orDash(source.getName()),
                source.getStatus().getLiteral(),
                source.getMaxVideoDurationSeconds() == null
                        ? "default (" + globalLimit + ")"
                        : source.getMaxVideoDurationSeconds().toString(),
                time(source.getLastSyncedAt()),
                time(source.getCollectionsSyncedAt()),
                orDash(source.getLastError()));
    }

    private static String time(OffsetDateTime at) {
        return at == null ? "never" : at.toInstant().toString();
    }

    private static String orDash(String value) {
        return value == null || value.isBlank()
                ? "-"
                : value.lines().findFirst().orElse("-");
    }
}
