package org.creatorarchiver.orchestrator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.creatorarchiver.config.ConfigStartup;
import org.creatorarchiver.orchestrator.videos.SkippedVideo;
import org.creatorarchiver.orchestrator.videos.SkippedVideos;
import org.creatorarchiver.orchestrator.videos.SkippedVideosJson;
import org.creatorarchiver.orchestrator.videos.SkippedVideosReport;
import org.creatorarchiver.process.ReadOnlyArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "skipped",
        mixinStandardHelpOptions = true,
        description = "Lists the videos the duration policy skipped, most recent first: id, title, duration"
                + " (H:MM:SS or M:SS), reason and when. 'process-anyway VIDEO_ID' archives one of them anyway.")
public final class SkippedCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--source", paramLabel = "ID", description = "Only the videos of this source id.")
    private Long sourceId;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "" + SkippedVideos.DEFAULT_LIMIT,
            description = "Show at most N videos, 1..1000 (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkLimit();
        OptionalLong source = sourceId == null ? OptionalLong.empty() : OptionalLong.of(sourceId);
        try (ReadOnlyArchive archive = ReadOnlyArchive.open("orchestrator", ConfigStartup.loadOrExit())) {
            print(new SkippedVideos(archive.dsl()).report(source, limit));
            return 0;
        }
    }

    private void checkLimit() {
        if (limit < SkippedVideos.MIN_LIMIT || limit > SkippedVideos.MAX_LIMIT) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--limit=" + limit + ": must be between " + SkippedVideos.MIN_LIMIT + " and "
                            + SkippedVideos.MAX_LIMIT);
        }
    }

    private void print(SkippedVideosReport report) throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(SkippedVideosJson.of(report)));
        } else {
            out.print(asTable(report));
        }
        out.flush();
    }

    private static String asTable(SkippedVideosReport report) {
        if (report.videos().isEmpty()) {
            return "no skipped videos" + System.lineSeparator();
        }
        StringBuilder table = new StringBuilder(String.format(
                "%-8s %-7s %-10s %-32s %-24s %s%n", "video", "source", "duration", "reason", "skipped at", "title"));
        report.videos().forEach(video -> table.append(row(video)));
        table.append(String.format(
                "%d of %d skipped video(s) shown%n", report.videos().size(), report.totalSkipped()));
        return table.toString();
    }

    /** One line of the table; an unknown duration shows as {@code ?}. */
    private static String row(SkippedVideo video) {
        return String.format(
                "%-8d %-7d %-10s %-32s %-24s %s%n",
                video.id(),
                video.sourceId(),
                video.durationFormatted().orElse("?"),
                video.skipReason().orElse("-"),
                video.skippedAt().orElse("-"),
                video.title() == null ? "(untitled)" : video.title());
    }
}
