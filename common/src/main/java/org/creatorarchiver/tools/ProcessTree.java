package org.creatorarchiver.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a child and everything it started (yt-dlp runs ffmpeg): SIGTERM to all, a grace period to exit cleanly,
 * then SIGKILL to what is left. The descendants are listed before anything is signalled, because once their parent
 * dies they are re-parented and can no longer be found.
 */
final class ProcessTree {

    static final Duration GRACE = Duration.ofSeconds(2);

    private ProcessTree() {}

    /**
     * Signals through {@link ProcessHandle}s, not {@link Process#destroy()}, which would also close the pipes the
     * reader threads are still draining (the stderr tail tells why the tool hung). Keeps the interrupt flag.
     */
    static void destroy(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        tree.addAll(process.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | ExecutionException e) {
            // Some ignored SIGTERM: they get SIGKILL below.
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
