package org.creatorarchiver.phase4.api;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.creatorarchiver.config.ApiKeys;
import org.creatorarchiver.config.Secret;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.http.HostPauses;
import org.creatorarchiver.testing.TestServices;

/** Settings, keys and pauses of the two APIs pointed at a test server, as a phase 4 worker would build them. */
final class PaidApis {

    static final String KEY = "sk-proj-Quiet-Key-7731";
    static final ApiKeys KEYS = new ApiKeys(Optional.of(Secret.of(KEY)), Optional.of(Secret.of(KEY)));
    /** Short enough for a test to see a timeout, long enough for ffprobe on a small upload. */
    static final ApiTimeouts QUICK =
            new ApiTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(3));

    private PaidApis() {}

    static Settings.Transcription transcription(String baseUrl) {
        return new Settings.Transcription(
                true, baseUrl, "whisper-1", Optional.empty(), true, List.of("en", "es"), 600, 0.006);
    }

    static Settings.Summary summary(String baseUrl) {
        return new Settings.Summary(true, baseUrl, "deepseek-chat", "es", 24_000, 0.28, 0.42);
    }

    /** Pauses in the test Redis, emptied first so that no pause of an earlier test remains. */
    static HostPauses freshPauses() {
        TestServices.flushRedis();
        return new HostPauses(TestServices.redisson(), Clock.systemUTC());
    }
}
