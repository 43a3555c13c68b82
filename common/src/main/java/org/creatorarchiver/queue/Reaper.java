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
        for (String key : queue.processingLists().allProcessingKeys()) {
            Optional<QueueKeys.ProcessingList> list = QueueKeys.parseProcessing(key);
            if (list.isPresent()) {
                handedBack += handBackIfDead(list.get());
            }
        }
        return handedBack;
    }

    private int handBackIfDead(QueueKeys.ProcessingList list) {
        List<String> jobs = queue.processingLists().handBackIfDead(list.queue(), list.workerId());
        if (!jobs.isEmpty()) {
            log.warn(
                    "worker {} has no heartbeat: handed {} of its {} jobs back",
                    list.workerId(),
                    jobs.size(),
                    list.queue());
            HandedBackJobs.log(list.queue(), jobs);
        }
        return jobs.size();
    }

    private int deleteTempDirsOfDeadWorkers() {
        Optional<Path> tmp = mediaDir.map(dir -> dir.resolve("tmp")).filter(Files::isDirectory);
        return tmp.isPresent() ? deleteTempDirsIn(tmp.get()) : 0;
    }

    private int deleteTempDirsIn(Path tmp) {
        int deleted = 0;
        try (DirectoryStream<Path> workerDirs = Files.newDirectoryStream(tmp, Files::isDirectory)) {
            for (Path dir : workerDirs) {
                if (deleteIfDead(dir)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean temp downloads in " + tmp, e);
        }
        return deleted;
    }

    /** A worker's temp dir is named after its id; it goes once that worker's heartbeat is gone. */
    private boolean deleteIfDead(Path dir) throws IOException {
        String workerId = dir.getFileName().toString();
        if (heartbeats.isAlive(workerId)) {
            return false;
        }
        deleteRecursively(dir);
        log.info("deleted temp files of worker {} (no heartbeat): {}", workerId, dir);
        return true;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
