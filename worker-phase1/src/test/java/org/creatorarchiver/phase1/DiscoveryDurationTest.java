package org.creatorarchiver.phase1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.testing.patreon.FakeCreator;
import org.jooq.JSONB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Videos whose listing already says they are too long are skipped at discovery. */
class DiscoveryDurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Phase1Harness phase1 = new Phase1Harness();
    private final FakeCreator creator =
            phase1.patreon.addCreator("skyforge", "4815162", "90011223").addPosts(14);

    @AfterEach
    void close() {
        phase1.close();
    }

    @Test
    void aVideoOverTheGlobalLimitIsSkippedWithItsFiguresAndOneAtTheLimitIsNot() throws Exception {
        String tooLong = creator.postId(10);
        String lockedTooLong = creator.postId(11);
        String atLimit = creator.postId(12);
        creator.setVideoDuration(tooLong, 3600);
        creator.lockVideoWithPreview(lockedTooLong, 4000.5);
        creator.setVideoDuration(atLimit, 2159);
        Instant before = Instant.now();

        phase1.sync(phase1.sourceByVanity("skyforge"), false);

        List<VideosRecord> videos = phase1.videos();
        assertThat(videos)
                .extracting(v -> v.getPostId())
                .containsExactlyInAnyOrder(
                        phase1.post(tooLong).getId(), phase1.post(lockedTooLong).getId());
        VideosRecord skipped = video(tooLong);
        assertThat(skipped.getStatus()).isEqualTo(VideoStatus.skipped);
        assertThat(skipped.getProvider()).isEqualTo(VideoProvider.patreon);
        assertThat(skipped.getExternalId()).isEqualTo("216581623");
        assertThat(skipped.getDurationSeconds()).isEqualTo(3600);
        JsonNode metadata = metadata(skipped.getExtraMetadata());
        assertThat(metadata.get("skip_reason").asText()).isEqualTo("duration_exceeded_at_discovery");
        assertThat(metadata.get("max_allowed_seconds").asInt()).isEqualTo(2159);
        assertThat(metadata.get("actual_duration_seconds").asDouble()).isEqualTo(3600);
        assertThat(Instant.parse(metadata.get("skipped_at").asText())).isBetween(before.minusSeconds(1), Instant.now());

        VideosRecord locked = video(lockedTooLong);
        assertThat(locked.getStatus()).isEqualTo(VideoStatus.skipped);
        assertThat(locked.getExternalId())
                .as("the full video's id, not the preview's")
                .isEqualTo("216581623");
        assertThat(metadata(locked.getExtraMetadata())
                        .get("actual_duration_seconds")
                        .asDouble())
                .isEqualTo(4000.5);
        assertThat(locked.getDurationSeconds()).isEqualTo(4000);
        assertThat(phase1.post(lockedTooLong).getIsLocked()).isTrue();
        // Their posts still go to phase 2, which records the rest of the post and downloads nothing of them.
        assertThat(phase1.phase2Jobs()).hasSize(14);
    }

    @Test
    void theSourcesOwnLimitWinsOverTheGlobalOne() throws Exception {
        long sourceId = phase1.sourceByVanity("skyforge");
        phase1.db
                .update(SOURCES)
                .set(SOURCES.MAX_VIDEO_DURATION_SECONDS, 600)
                .where(SOURCES.ID.eq(sourceId))
                .execute();
        // The sample video post (1653.852 s) is under the global limit but over 600 s.
        String sampleVideo = creator.postIds().stream()
                .filter(id -> creator.postIds().indexOf(id) % 7 == 4)
                .findFirst()
                .orElseThrow();

        phase1.sync(sourceId, false);

        assertThat(phase1.videos()).hasSize(2);
        VideosRecord skipped = video(sampleVideo);
        assertThat(metadata(skipped.getExtraMetadata())
                        .get("max_allowed_seconds")
                        .asInt())
                .isEqualTo(600);
        assertThat(metadata(skipped.getExtraMetadata())
                        .get("actual_duration_seconds")
                        .asDouble())
                .isEqualTo(1653.852);
        assertThat(skipped.getDurationSeconds()).isEqualTo(1653);
    }

    @Test
    void aVideoAlreadyArchivedIsNotTurnedIntoASkip() throws Exception {
        String video = creator.postId(10);
        creator.setVideoDuration(video, 3600);
        long sourceId = phase1.sourceByVanity("skyforge");
        phase1.sync(sourceId, false);
        phase1.db
                .update(VIDEOS)
                .set(VIDEOS.STATUS, VideoStatus.completed)
                .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf("{\"process_anyway\": true}"))
                .execute();
        creator.edit(video);

        phase1.sync(sourceId, true);

        assertThat(video(video).getStatus()).isEqualTo(VideoStatus.completed);
        assertThat(metadata(video(video).getExtraMetadata()).has("skip_reason")).isFalse();
    }

    private VideosRecord video(String postExternalId) {
        return phase1.db
                .selectFrom(VIDEOS)
                .where(VIDEOS.POST_ID.eq(phase1.post(postExternalId).getId()))
                .fetchSingle();
    }

    private static JsonNode metadata(JSONB json) throws Exception {
        return JSON.readTree(json.data());
    }
}
