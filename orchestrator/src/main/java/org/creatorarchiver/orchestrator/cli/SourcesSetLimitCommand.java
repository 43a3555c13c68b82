package org.creatorarchiver.orchestrator.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.orchestrator.sources.SourceLimits;
import org.creatorarchiver.process.ArchiverProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "set-limit",
        mixinStandardHelpOptions = true,
        description = "Sets the longest video (in seconds, 60..7200) archived for one source; 'default' goes back to"
                + " MAX_VIDEO_DURATION_SECONDS. Applies to videos decided from now on ('process-anyway' for those"
                + " already skipped).")
public final class SourcesSetLimitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The source's id or vanity name.")
    private String source;

    @Parameters(index = "1", paramLabel = "SECONDS|default", description = "The limit, or 'default'.")
    private String limit;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        OptionalInt seconds = parsedLimit();
        try (ArchiverProcess process = ArchiverProcess.start("orchestrator")) {
            SourceLimits sources = new SourceLimits(process.database().dsl());
            Optional<SourcesRecord> found = sources.find(source);
            if (found.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("set-limit: no source with id or vanity '" + source + "'");
                err.flush();
                return 1;
            }
            SourcesRecord row = found.get();
            sources.setLimit(row.getId(), seconds);
            printLimit(row, seconds, process.config().maxVideoDurationSeconds());
            return 0;
        }
    }

    /** The limit argument; empty for 'default'. */
    private OptionalInt parsedLimit() {
        try {
            return SourceLimits.parseLimit(limit);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void printLimit(SourcesRecord row, OptionalInt seconds, int globalLimit) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "source %d (%s): video limit %s%n",
                row.getId(),
                row.getVanity() == null ? row.getExternalId() : row.getVanity(),
                seconds.isPresent() ? seconds.getAsInt() + " s" : "default (" + globalLimit + " s)");
        out.flush();
    }
}
