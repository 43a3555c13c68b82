package org.creatorarchiver.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which request paths a route with named segments answers, and what it reads from them. */
class PathTemplateTest {

    private static final String TRANSCRIPT = "/api/v1/videos/{video_id}/transcript";

    @Test
    void aNamedSegmentTakesTheRequestsSegment() {
        assertThat(PathTemplate.match(TRANSCRIPT, "/api/v1/videos/42/transcript"))
                .hasValue(Map.of("video_id", "42"));
        assertThat(PathTemplate.match(TRANSCRIPT, "/api/v1/videos/abc/transcript"))
                .hasValue(Map.of("video_id", "abc"));
    }

    @Test
    void otherSegmentsMustBeEqualAndNoneMissingOrExtra() {
        assertThat(PathTemplate.match(TRANSCRIPT, "/api/v1/videos//transcript")).isEmpty();
        assertThat(PathTemplate.match(TRANSCRIPT, "/api/v1/videos/42/summary")).isEmpty();
        assertThat(PathTemplate.match(TRANSCRIPT, "/api/v1/videos/42/transcript/"))
                .isEmpty();
        assertThat(PathTemplate.match(TRANSCRIPT, "/api/v1/videos/42")).isEmpty();
        assertThat(PathTemplate.isTemplate("/api/v1/search")).isFalse();
    }
}
