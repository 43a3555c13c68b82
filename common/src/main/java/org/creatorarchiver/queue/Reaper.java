package org.creatorarchiver.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers what crashed workers left behind: the jobs in their processing lists go back to the front of the ready
 * list, and their temp downloads ({@code MEDIA_DIR/tmp/<worker-id>/}) are deleted. A worker counts as crashed when
 * its heartbeat key is gone. Any number of processes may run this at once.
 */
public final class Reaper {

    private static final Logger log = LoggerFactory.getLogger(Reaper.class);

    private final JobQueue queue;
    private final Heartbeats heartbeats;
    private final Optional<Path> mediaDir;

    public Reaper(JobQueue queue, Heartbeats heartbeats, Optional<Path> mediaDir) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.heartbeats = Objects.requireNonNull(heartbeats, "heartbeats");
        this.mediaDir = Objects.requireNonNull(mediaDir, "mediaDir");
    }

    public record Result(int jobsHandedBack, int tempDirsDeleted) {}

    public Result reap() {
        return new Result(handBackJobsOfDeadWorkers(), deleteTempDirsOfDeadWorkers());
    }

    private int handBackJobsOfDeadWorkers() {
        int handedBack = 0;
        for (String key : queue.allProcessingKeys()) {
            Optional<QueueKeys.ProcessingList> list = QueueKeys.parseProcessing(key);
            if (list.isEmpty()) {
                continue;
            }
            List<String> jobs =
                    queue.handBackIfDead(list.get().queue(), list.get().workerId());
            if (!jobs.isEmpty()) {
                log.warn(
                        "worker {} has no heartbeat: handed {} of its {} jobs back",
                        list.get().workerId(),
                        jobs.size(),
                        list.get().queue());
                HandedBackJobs.log(list.get().queue(), jobs);
                handedBack += jobs.size();
            }
        }
        return handedBack;
    }

    private int deleteTempDirsOfDeadWorkers() {
        if (mediaDir.isEmpty()) {
            return 0;
        }
        Path tmp = mediaDir.get().resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> workerDirs = Files.newDirectoryStream(tmp, Files::isDirectory)) {
            for (Path dir : workerDirs) {
                String workerId = dir.getFileName().toString();
                if (!heartbeats.isAlive(workerId)) {
                    deleteRecursively(dir);
                    log.info("deleted temp files of worker {} (no heartbeat): {}", workerId, dir);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean temp downloads in " + tmp, e);
        }
        return deleted;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
