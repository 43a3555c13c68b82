package org.creatorarchiver.orchestrator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.creatorarchiver.orchestrator.videos.ProcessAnyway;
import org.creatorarchiver.process.ArchiverProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "process-anyway",
        mixinStandardHelpOptions = true,
        description = "Archives one skipped video despite the duration limit (once): marks it, puts it back to"
                + " queued and enqueues its post for phase 2 again. Exit 1 if the video is unknown or not skipped.")
public final class ProcessAnywayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "VIDEO_ID", description = "The video's id (first column of 'skipped').")
    private long videoId;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ArchiverProcess process = ArchiverProcess.start("orchestrator")) {
            ProcessAnyway.Outcome done;
            try {
                done = new ProcessAnyway(process.database().dsl(), process.queue()).apply(videoId);
            } catch (ProcessAnyway.RefusedException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(spec.name() + ": " + e.getMessage());
                err.flush();
                return 1;
            }
            printDone(done);
            return 0;
        }
    }

    private void printDone(ProcessAnyway.Outcome done) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "video %d: marked process_anyway and queued (%d post_media row(s) queued);"
                        + " post %d enqueued for phase2 (job %s)%n",
                done.videoId(), done.postMediaRequeued(), done.postId(), done.jobId());
        out.flush();
    }
}
