package org.creatorarchiver.orchestrator.serve;

import java.io.IOException;
import java.util.Map;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.orchestrator.api.ApiRoutes;
import org.creatorarchiver.orchestrator.api.ApiServer;
import org.creatorarchiver.orchestrator.media.UnreferencedFilesSweep;
import org.creatorarchiver.orchestrator.resync.PeriodicResync;
import org.creatorarchiver.process.ArchiverProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} runs besides the queue housekeeping: the HTTP API, the periodic re-sync and the sweep of stored
 * files nothing points at. {@code serve} runs them alone; {@code ./archiver run} runs them beside every worker.
 * Closing stops them in the reverse order of their start.
 */
public final class ServeServices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServeServices.class);

    private final ApiServer api;
    private final PeriodicResync resync;
    private final UnreferencedFilesSweep sweep;

    private ServeServices(ApiServer api, PeriodicResync resync, UnreferencedFilesSweep sweep) {
        this.api = api;
        this.resync = resync;
        this.sweep = sweep;
    }

    /** Starts the API on {@code bind:port}, the re-sync when {@code scraping.resync_interval} is set, and the sweep. */
    public static ServeServices start(ArchiverProcess process, String bind, int port) throws IOException {
        UnreferencedFilesSweep sweep = sweep(process);
        PeriodicResync resync = null;
        try {
            sweep.start(UnreferencedFilesSweep.DEFAULT_INTERVAL);
            resync = resync(process);
            ApiServer api = ApiServer.start(bind, port, routes(process));
            return new ServeServices(api, resync, sweep);
        } catch (IOException | RuntimeException e) {
            if (resync != null) {
                resync.close();
            }
            sweep.close();
            throw e;
        }
    }

    /** The API's routes, with the settings (summary shown, daily budget) and clock of the process. */
    private static Map<String, ApiServer.Route> routes(ArchiverProcess process) {
        return new ApiRoutes(
                        process.queue(), process.redis(), process.database().dsl(), process.settings(), process.clock())
                .routes();
    }

    private static UnreferencedFilesSweep sweep(ArchiverProcess process) {
        var dsl = process.database().dsl();
        return new UnreferencedFilesSweep(
                dsl, new MediaStore(process.config().mediaDir(), dsl), UnreferencedFilesSweep.DEFAULT_GRACE);
    }

    /** The port the API listens on (the one chosen when 0 was asked). */
    public int port() {
        return api.port();
    }

    @Override
    public void close() {
        api.close();
        if (resync != null) {
            resync.close();
        }
        sweep.close();
    }

    /** The re-sync of {@code scraping.resync_interval}, or null (nothing to close) when the setting is unset. */
    private static PeriodicResync resync(ArchiverProcess process) {
        if (process.settings().scraping().resyncInterval().isEmpty()) {
            log.info("scraping.resync_interval is unset: no periodic re-sync");
            return null;
        }
        PeriodicResync resync = new PeriodicResync(
                process.database().dsl(),
                process.queue(),
                process.settings().scraping().resyncInterval().get());
        resync.start();
        return resync;
    }
}
