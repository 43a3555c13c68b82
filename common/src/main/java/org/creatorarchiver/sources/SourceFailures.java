package org.creatorarchiver.sources;

import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.http.FailureKind;

import java.util.Optional;

/**
 * Which failures of a creator's listing are a state of the source (recorded on its row, not retried) and which
 * status each gives. The one place phases 1 and 3 map Patreon's refusals to {@code sources.status}.
 */
public final class SourceFailures {

    private SourceFailures() {
    }

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
}
