package org.creatorarchiver.orchestrator.cli;

import java.io.PrintWriter;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.creatorarchiver.config.ConfigStartup;
import org.creatorarchiver.orchestrator.search.ArchiveSearch;
import org.creatorarchiver.orchestrator.search.SearchHit;
import org.creatorarchiver.orchestrator.search.SearchJson;
import org.creatorarchiver.orchestrator.search.SearchResults;
import org.creatorarchiver.orchestrator.status.StatusJson;
import org.creatorarchiver.process.ReadOnlyArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Searches post titles and texts, transcripts and summaries (English and Spanish words alike),"
                + " best matches first, the matched words between **.")
public final class SearchCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "QUERY",
            description = "Words to find; \"a phrase\" in quotes, -word to exclude, 'or' between alternatives.")
    private String query;

    @Option(names = "--source", paramLabel = "ID", description = "Only what this source id's posts show.")
    private Long sourceId;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "" + ArchiveSearch.DEFAULT_LIMIT,
            description = "Show at most N results, 1..200 (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print one JSON object instead of the list.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkArguments();
        OptionalLong source = sourceId == null ? OptionalLong.empty() : OptionalLong.of(sourceId);
        try (ReadOnlyArchive archive = ReadOnlyArchive.open("orchestrator", ConfigStartup.loadOrExit())) {
            SearchResults results = new ArchiveSearch(archive.dsl()).search(query, source, limit);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? StatusJson.mapper().writeValueAsString(SearchJson.of(results)) + "\n" : asList(results));
            out.flush();
            return 0;
        }
    }

    private void checkArguments() {
        if (query.isBlank()) {
            throw new ParameterException(spec.commandLine(), "QUERY is empty: give words to search for");
        }
        if (limit < ArchiveSearch.MIN_LIMIT || limit > ArchiveSearch.MAX_LIMIT) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--limit=" + limit + ": must be between " + ArchiveSearch.MIN_LIMIT + " and "
                            + ArchiveSearch.MAX_LIMIT);
        }
    }

    private static String asList(SearchResults results) {
        if (results.results().isEmpty()) {
            return "nothing found" + System.lineSeparator();
        }
        StringBuilder list = new StringBuilder();
        results.results().forEach(hit -> list.append(entry(hit)));
        list.append(
                String.format("%d of %d result(s) shown%n", results.results().size(), results.total()));
        return list.toString();
    }

    /** {@code [transcript] post 12, video 34: Title}, then the snippet indented on one line. */
    private static String entry(SearchHit hit) {
        String where = "post " + hit.postId()
                + hit.videoId().map(id -> ", video " + id).orElse("");
        String title = hit.title() == null ? "(untitled)" : hit.title();
        String snippet = hit.snippet() == null
                ? ""
                : hit.snippet().replaceAll("\\s+", " ").strip();
        return String.format("[%s] %s: %s%n    %s%n", hit.kind(), where, title, snippet);
    }
}
