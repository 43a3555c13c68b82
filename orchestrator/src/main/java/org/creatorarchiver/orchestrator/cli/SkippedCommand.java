package org.creatorarchiver.orchestrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.creatorarchiver.config.ConfigStartup;
import org.creatorarchiver.orchestrator.videos.SkippedVideo;
import org.creatorarchiver.orchestrator.videos.SkippedVideos;
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
        if (limit < SkippedVideos.MIN_LIMIT || limit > SkippedVideos.MAX_LIMIT) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--limit=" + limit + ": must be between " + SkippedVideos.MIN_LIMIT + " and "
                            + SkippedVideos.MAX_LIMIT);
        }
        OptionalLong source = sourceId == null ? OptionalLong.empty() : OptionalLong.of(sourceId);
        try (ReadOnlyArchive archive = ReadOnlyArchive.open("orchestrator", ConfigStartup.loadOrExit())) {
            SkippedVideos skipped = new SkippedVideos(archive.dsl());
            List<SkippedVideo> videos = skipped.list(source, limit);
            int total = skipped.count(source);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(asJson(total, videos));
            } else {
                out.print(asTable(total, videos));
            }
            out.flush();
            return 0;
        }
    }

    private static String asTable(int total, List<SkippedVideo> videos) {
        if (videos.isEmpty()) {
            return "no skipped videos" + System.lineSeparator();
        }
        StringBuilder table = new StringBuilder(String.format(
                "%-8s %-7s %-10s %-32s %-24s %s%n", "video", "source", "duration", "reason", "skipped at", "title"));
        for (SkippedVideo video : videos) {
            table.append(String.format(
                    "%-8d %-7d %-10s %-32s %-24s %s%n",
                    video.id(),
                    video.sourceId(),
                    video.durationFormatted(),
                    video.skipReason().orElse("-"),
                    video.skippedAt().orElse("-"),
                    video.title() == null ? "(untitled)" : video.title()));
        }
        table.append(String.format("%d of %d skipped video(s) shown%n", videos.size(), total));
        return table.toString();
    }

    private static String asJson(int total, List<SkippedVideo> videos) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("total_skipped", total);
        ArrayNode list = root.putArray("videos");
        for (SkippedVideo video : videos) {
            ObjectNode node = list.addObject();
            node.put("id", video.id());
            node.put("source_id", video.sourceId());
            node.put("post_id", video.postId());
            node.put("provider", video.provider());
            node.put("external_id", video.externalId());
            node.put("title", video.title());
            video.durationSeconds()
                    .ifPresentOrElse(
                            seconds -> node.put("duration_seconds", seconds), () -> node.putNull("duration_seconds"));
            node.put("duration_formatted", video.durationFormatted());
            node.put("skip_reason", video.skipReason().orElse(null));
            node.put("skipped_at", video.skippedAt().orElse(null));
        }
        return mapper.writeValueAsString(root);
    }
}
