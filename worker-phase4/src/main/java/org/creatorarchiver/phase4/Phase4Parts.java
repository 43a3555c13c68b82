package org.creatorarchiver.phase4;

import java.nio.file.Path;
import java.time.Clock;
import org.creatorarchiver.config.ApiKeys;
import org.creatorarchiver.config.ExternalTools;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.http.HostPauses;
import org.creatorarchiver.process.ArchiverProcess;
import org.creatorarchiver.queue.JobQueue;
import org.jooq.DSLContext;

/**
 * What phase 4's handlers are built from: a process's parts ({@link #of}), or a test's, so that tests run the
 * handlers wired exactly as the worker wires them.
 *
 * @param globalMaxVideoDurationSeconds {@code MAX_VIDEO_DURATION_SECONDS}, the limit of sources without their own
 */
public record Phase4Parts(
        DSLContext dsl,
        JobQueue queue,
        Settings settings,
        ApiKeys keys,
        HostPauses pauses,
        ExternalTools tools,
        Path mediaDir,
        int globalMaxVideoDurationSeconds,
        Clock clock) {

    public static Phase4Parts of(ArchiverProcess process) {
        return new Phase4Parts(
                process.database().dsl(),
                process.queue(),
                process.settings(),
                process.config().apiKeys(),
                new HostPauses(process.redis(), process.clock()),
                process.config().tools(),
                process.config().mediaDir(),
                process.config().maxVideoDurationSeconds(),
                process.clock());
    }
}
