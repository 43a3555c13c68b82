package org.creatorarchiver.orchestrator.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creatorarchiver.config.AppConfig;
import org.creatorarchiver.config.ConfigStartup;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.patreon.CreatorInputParser;
import org.creatorarchiver.patreon.CreatorRef;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.sources.CreatorSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "enqueue",
        mixinStandardHelpOptions = true,
        description = "Registers creators as sources and enqueues one phase1 job (posts) and one phase3 job"
                + " (collections) for each. Every input is checked first: if one is not a creator, nothing is"
                + " enqueued. A job already waiting for the same creator is not enqueued twice.",
        footerHeading = "%nAccepted creator forms:%n",
        footer = {
            "  skyforge                                   a vanity name",
            "  https://www.patreon.com/skyforge[/posts]   (https:// and www. optional)",
            "  https://www.patreon.com/c/skyforge, /cw/skyforge",
            "  https://www.patreon.com/user?u=123456      a creator's user id",
            "  https://www.patreon.com/m/791478, id:791478, 791478   a campaign id",
            "URLs on PATREON_BASE_URL's host are accepted like patreon.com's.",
            "",
            "Exit codes: 0 done (enqueued or already waiting), 1 failed, 2 bad input or usage,"
                    + " 3 PostgreSQL or Redis unreachable."
        })
public final class EnqueueCommand implements Callable<Integer> {

    static final int EXIT_BAD_INPUT = 2;

    @Parameters(paramLabel = "CREATOR", arity = "0..*", description = "Creators to archive (forms below).")
    private List<String> creators = List.of();

    @Option(
            names = "--file",
            paramLabel = "F",
            description = "Also read creators from F, one per line; blank lines and lines starting with # are"
                    + " skipped; - reads standard input.")
    private String file;

    @Option(
            names = "--full",
            description = "Phase 1 lists every post again instead of stopping at the first page it already knows.")
    private boolean full;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<CreatorInputs.Input> inputs;
        try {
            inputs = inputs();
        } catch (CreatorInputs.UnreadableFileException e) {
            return refuse(List.of(e.getMessage()));
        }
        if (inputs.isEmpty()) {
            return refuseNoCreator();
        }
        return parseThenEnqueue(inputs);
    }

    /** Enqueues nothing unless every input names a creator. */
    private int parseThenEnqueue(List<CreatorInputs.Input> inputs) {
        AppConfig config = ConfigStartup.loadOrExit();
        CreatorInputs.Parsed parsed = CreatorInputs.parse(
                inputs, new CreatorInputParser(config.patreon().host()));
        if (!parsed.errors().isEmpty()) {
            return refuseUnparsed(parsed.errors(), inputs.size());
        }
        return enqueue(parsed, config);
    }

    /** The arguments, then the lines of {@code --file}. */
    private List<CreatorInputs.Input> inputs() throws CreatorInputs.UnreadableFileException {
        List<CreatorInputs.Input> inputs = new ArrayList<>(CreatorInputs.fromArguments(creators));
        if (file != null) {
            inputs.addAll(CreatorInputs.fromFile(file, System.in));
        }
        return inputs;
    }

    private int refuseNoCreator() {
        if (file == null) {
            throw new ParameterException(spec.commandLine(), "no creator given: name at least one or use --file");
        }
        return refuse(List.of("--file " + file + " names no creator"));
    }

    private int refuseUnparsed(List<String> errors, int inputCount) {
        List<String> lines = new ArrayList<>(errors);
        lines.add("nothing enqueued: " + errors.size() + " of " + inputCount + " input(s) name no creator");
        return refuse(lines);
    }

    private int enqueue(CreatorInputs.Parsed parsed, AppConfig config) {
        try (ArchiverProcess process = ArchiverProcess.start("orchestrator", config)) {
            enqueueAll(
                    parsed.creators(),
                    full,
                    new CreatorSources(process.database().dsl()),
                    process.queue(),
                    spec.commandLine().getOut());
        }
        return 0;
    }

    /**
     * Registers each creator as a source and enqueues its phase 1 and phase 3 syncs (unless one waits already), one
     * line each on {@code out}; also what {@code ./archiver run CREATOR...} does once the system is up.
     */
    public static void enqueueAll(
            Map<CreatorRef, CreatorInputs.Input> parsed,
            boolean full,
            CreatorSources sources,
            JobQueue queue,
            PrintWriter out) {
        for (Map.Entry<CreatorRef, CreatorInputs.Input> creator : parsed.entrySet()) {
            CreatorRef ref = creator.getKey();
            long sourceId = sources.register(ref, creator.getValue().text()).sourceId();
            Optional<String> phase1 =
                    queue.enqueueUnlessWaiting(JobTypes.SYNC_CREATOR, new JobTypes.SyncCreator(sourceId, full));
            Optional<String> phase3 =
                    queue.enqueueUnlessWaiting(JobTypes.SYNC_COLLECTIONS, new JobTypes.SyncCollections(sourceId));
            out.printf(
                    "%s (%s) -> source %d: %s, %s%n",
                    ref.value(), kind(ref), sourceId, outcome(Queues.PHASE1, phase1), outcome(Queues.PHASE3, phase3));
            out.flush();
        }
    }

    private int refuse(List<String> lines) {
        PrintWriter err = spec.commandLine().getErr();
        lines.forEach(line -> err.println(spec.name() + ": " + line));
        err.flush();
        return EXIT_BAD_INPUT;
    }

    private static String outcome(String queue, Optional<String> jobId) {
        return queue + (jobId.isPresent() ? " enqueued" : " already waiting");
    }

    private static String kind(CreatorRef ref) {
        return switch (ref) {
            case CreatorRef.Vanity v -> "vanity";
            case CreatorRef.CampaignId c -> "campaign id";
            case CreatorRef.UserId u -> "user id";
        };
    }
}
