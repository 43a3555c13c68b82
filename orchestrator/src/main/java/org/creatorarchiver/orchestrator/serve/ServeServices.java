package org.creatorarchiver.orchestrator.serve;

import java.io.IOException;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.orchestrator.media.UnreferencedFilesSweep;
import org.creatorarchiver.orchestrator.resync.PeriodicResync;
import org.creatorarchiver.orchestrator.web.Dashboard;
import org.creatorarchiver.orchestrator.web.WebServer;
import org.creatorarchiver.orchestrator.web.overview.Throughput;
import org.creatorarchiver.orchestrator.web.security.UiAccess;
import org.creatorarchiver.process.ArchiverProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} runs besides the queue housekeeping: the HTTP API and the dashboard (with the sampling of job
 * outcomes behind its chart), the periodic re-sync and the sweep of stored files nothing points at. {@code serve} runs them alone; {@code ./archiver run} runs them beside every worker.
 * Closing stops them in the reverse order of their start.
 */
public final class ServeServices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServeServices.class);

    private final WebServer web;
    private final Throughput throughput;
    private final PeriodicResync resync;
    private final UnreferencedFilesSweep sweep;

    private ServeServices(WebServer web, Throughput throughput, PeriodicResync resync, UnreferencedFilesSweep sweep) {
        this.web = web;
        this.throughput = throughput;
        this.resync = resync;
        this.sweep = sweep;
    }

    /**
     * Starts the API and the dashboard on {@code bind:port}, the re-sync when {@code scraping.resync_interval} is
     * set, and the sweep.
     *
     * @throws IllegalArgumentException {@code bind} is not loopback and {@code ARCHIVER_UI_TOKEN} is unset
     */
    public static ServeServices start(ArchiverProcess process, String bind, int port) throws IOException {
        UiAccess access = new UiAccess(process.config().uiToken());
        access.checkBind(bind);
        UnreferencedFilesSweep sweep = sweep(process);
        Throughput throughput = new Throughput(process.queue(), process.clock()).start();
        PeriodicResync resync = null;
        try {
            sweep.start(UnreferencedFilesSweep.DEFAULT_INTERVAL);
            resync = resync(process);
            Dashboard dashboard = Dashboard.of(process, throughput);
            WebServer web = WebServer.start(bind, port, access, dashboard.apiRoutes(), dashboard.pages());
            return new ServeServices(web, throughput, resync, sweep);
        } catch (RuntimeException e) {
            closeAll(resync, throughput, sweep);
            throw e;
        }
    }

    private static void closeAll(PeriodicResync resync, Throughput throughput, UnreferencedFilesSweep sweep) {
        if (resync != null) {
            resync.close();
        }
        throughput.close();
        sweep.close();
    }

    private static UnreferencedFilesSweep sweep(ArchiverProcess process) {
        var dsl = process.database().dsl();
        return new UnreferencedFilesSweep(
                dsl, new MediaStore(process.config().mediaDir(), dsl), UnreferencedFilesSweep.DEFAULT_GRACE);
    }

    /** The port the API and the dashboard listen on (the one chosen when 0 was asked). */
    public int port() {
        return web.port();
    }

    @Override
    public void close() {
        web.close();
        throughput.close();
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
