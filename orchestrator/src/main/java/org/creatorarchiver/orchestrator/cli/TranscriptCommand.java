package org.creatorarchiver.orchestrator.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.creatorarchiver.config.ConfigStartup;
import org.creatorarchiver.orchestrator.status.StatusJson;
import org.creatorarchiver.orchestrator.transcripts.TranscriptJson;
import org.creatorarchiver.orchestrator.transcripts.TranscriptNotFoundException;
import org.creatorarchiver.orchestrator.transcripts.VideoTranscript;
import org.creatorarchiver.orchestrator.transcripts.VideoTranscripts;
import org.creatorarchiver.orchestrator.transcripts.WebVtt;
import org.creatorarchiver.process.ReadOnlyArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "transcript",
        mixinStandardHelpOptions = true,
        description = "Prints a video's transcript: its plain text, WebVTT subtitles, or a JSON object with the"
                + " timed segments and the summary. Exit 1 if the video is unknown or has no completed transcript.")
public final class TranscriptCommand implements Callable<Integer> {

    private static final List<String> FORMATS = List.of("text", "vtt", "json");

    @Parameters(paramLabel = "VIDEO_ID", description = "The video's id (as 'skipped' and the API show it).")
    private long videoId;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text, vtt or json (default: ${DEFAULT-VALUE}).")
    private String format;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!FORMATS.contains(format)) {
            throw new ParameterException(spec.commandLine(), "--format=" + format + ": expected text, vtt or json");
        }
        try (ReadOnlyArchive archive = ReadOnlyArchive.open("orchestrator", ConfigStartup.loadOrExit())) {
            return show(new VideoTranscripts(
                    archive.dsl(), archive.config().settings().summary()));
        }
    }

    /** Prints the transcript (exit 0), or one line saying why there is none (exit 1, like process-anyway). */
    private int show(VideoTranscripts transcripts) throws Exception {
        try {
            print(transcripts.of(videoId));
            return 0;
        } catch (TranscriptNotFoundException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.name() + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private void print(VideoTranscript transcript) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "vtt" -> out.print(WebVtt.of(transcript.segments()));
            case "json" -> out.println(StatusJson.mapper().writeValueAsString(TranscriptJson.of(transcript)));
            default -> out.println(transcript.text());
        }
        out.flush();
    }
}
