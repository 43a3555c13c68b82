package org.creatorarchiver.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.http.FailureKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which refusals are a state of the source rather than something to retry. */
class SourceFailuresTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "UNAUTHORIZED, unauthorized",
        "UPGRADE_REQUIRED, blocked",
        "CLOUDFLARE_CHALLENGE, blocked",
        "BLOCKED, blocked",
        "NOT_FOUND, not_found",
    })
    void refusalsThatNeedTheUserAreTheSourcesState(FailureKind kind, SourceStatus status) {
        assertThat(SourceFailures.statusFor(kind)).contains(status);
    }

    @ParameterizedTest
    @EnumSource(
            value = FailureKind.class,
            names = {"RATE_LIMITED", "SERVER_ERROR", "NETWORK_ERROR", "BAD_REQUEST", "CLIENT_ERROR", "UNEXPECTED_STATUS"
            })
    void otherFailuresAreNot(FailureKind kind) {
        assertThat(SourceFailures.statusFor(kind)).isEmpty();
    }
}
