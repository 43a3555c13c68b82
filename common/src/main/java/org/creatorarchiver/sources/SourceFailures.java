package org.creatorarchiver.sources;

import java.util.Optional;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.http.FailureKind;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.queue.JobFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which failures of a creator's listing are a state of the source (recorded on its row, not retried) and which
 * status each gives. The one place phases 1 and 3 map Patreon's refusals to {@code sources.status}.
 */
public final class SourceFailures {

    private static final Logger log = LoggerFactory.getLogger(SourceFailures.class);

    private SourceFailures() {}

    /** The status a permanent HTTP failure puts the source in; empty for failures that are not the source's state. */
    public static Optional<SourceStatus> statusFor(FailureKind kind) {
        return switch (kind) {
            case UNAUTHORIZED -> Optional.of(SourceStatus.unauthorized);
            // 426 and Cloudflare: Patreon refuses this client, whatever the creator; the user must act.
            case UPGRADE_REQUIRED, CLOUDFLARE_CHALLENGE, BLOCKED -> Optional.of(SourceStatus.blocked);
            case NOT_FOUND -> Optional.of(SourceStatus.not_found);
            default -> Optional.empty();
        };
    }

    /**
     * How a job about a source ends on an HTTP failure: one that is a state of the source ({@link #statusFor}, never
     * a retryable one) is written on its row in one line and comes back as a permanent {@link JobFailure}, so
     * it is not retried; any other failure comes back as it is, for the queue's retries. The caller throws the result.
     */
    public static JobFailure settle(SourceStore sources, long sourceId, HttpFailureException failure) {
        Optional<SourceStatus> state = failure.retryable() ? Optional.empty() : statusFor(failure.kind());
        if (state.isEmpty()) {
            return failure;
        }
        sources.recordFailure(sourceId, state.get(), failure.getMessage());
        log.error("source {}: {}", sourceId, failure.getMessage());
        return JobFailure.permanent(failure.getMessage(), failure);
    }
}
