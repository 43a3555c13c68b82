package org.creatorarchiver.phase2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.jooq.JSONB;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The duration policy in phase 2: before the download from Patreon's figure or yt-dlp's, after it from ffprobe's. */
class VideoDurationTest extends SamplePostsWithVideoSite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private String videoPost;

    @BeforeEach
    void pickTheVideoPost() {
        videoPost = phase2.creator.postId(4);
    }

    private VideosRecord video() {
        return phase2.videos(videoPost).getFirst();
    }

    private static JsonNode extra(VideosRecord video) throws Exception {
        return JSON.readTree(video.getExtraMetadata().data());
    }

    @Test
    void aVideoOfAnHourIsSkippedWithItsFiguresAndNothingDownloaded() throws Exception {
        phase2.creator.setVideoDuration(videoPost, 3600);

        phase2.process(videoPost);
        phase2.downloadAll();

        VideosRecord video = video();
        assertThat(video.getStatus()).isEqualTo(VideoStatus.skipped);
        assertThat(video.getMediaFileId()).isNull();
        assertThat(video.getDurationSeconds()).isEqualTo(3600);
        JsonNode extra = extra(video);
        assertThat(extra.get("skip_reason").asText()).isEqualTo("duration_exceeded");
        assertThat(extra.get("max_allowed_seconds").asInt()).isEqualTo(2159);
        assertThat(extra.get("actual_duration_seconds").asInt()).isEqualTo(3600);
        assertThat(extra.get("skipped_at").asText()).isNotBlank();
        assertThat(phase2.media(videoPost).getFirst().getStatus()).isEqualTo(PostMediaStatus.skipped);
        assertThat(phase2.patreon.requests("/mux/")).isEmpty();
        assertThat(phase2.filesOnDisk()).isEmpty();
    }

    @Test
    void aVideoOfExactlyTheLimitIsDownloaded() throws Exception {
        phase2.creator.setVideoDuration(videoPost, 2159);

        phase2.process(videoPost);
        phase2.downloadAll();

        assertThat(video().getStatus()).isEqualTo(VideoStatus.completed);
        assertThat(video().getMediaFileId()).isNotNull();
    }

    @Test
    void theSourcesOwnLimitIsRespected() throws Exception {
        phase2.db.update(SOURCES).set(SOURCES.MAX_VIDEO_DURATION_SECONDS, 600).execute();

        phase2.process(videoPost);
        phase2.downloadAll();

        assertThat(video().getStatus()).isEqualTo(VideoStatus.skipped);
        assertThat(extra(video()).get("max_allowed_seconds").asInt()).isEqualTo(600);
    }

    @Test
    void aVideoMarkedProcessAnywayIgnoresTheLimitOnce() throws Exception {
        phase2.creator.setVideoDuration(videoPost, 3600);
        phase2.process(videoPost);
        phase2.db
                .update(VIDEOS)
                .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf("{\"process_anyway\": true}"))
                .execute();

        phase2.process(videoPost);
        phase2.downloadAll();

        assertThat(video().getStatus()).isEqualTo(VideoStatus.completed);
        assertThat(extra(video()).has("process_anyway")).as("used up").isFalse();
        assertThat(extra(video()).get("processed_anyway").asBoolean()).isTrue();
    }

    @Test
    void aProcessAnywayMarkSetToFalseLiftsNothing() throws Exception {
        phase2.creator.setVideoDuration(videoPost, 3600);
        phase2.process(videoPost);
        phase2.db
                .update(VIDEOS)
                .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf("{\"process_anyway\": false}"))
                .execute();

        phase2.process(videoPost);
        phase2.downloadAll();

        assertThat(video().getStatus()).isEqualTo(VideoStatus.skipped);
        assertThat(video().getMediaFileId()).isNull();
        assertThat(phase2.patreon.requests("/mux/")).isEmpty();
    }

    @Test
    void aVideoOfUnknownLengthIsMeasuredAfterItsDownloadAndDroppedWhenTooLong() throws Exception {
        // A YouTube video (no duration from Patreon; yt-dlp has none for an HTML5 page): ffprobe says 5 s.
        String post = phase2.creator.postId(5);
        phase2.creator.embedYouTube(post, site.url("/page-1?v=lOcAlVide01"));
        phase2.settings(Phase2Harness.defaultsWithYouTube(Settings.YoutubeMode.DOWNLOAD, false));
        phase2.db.update(SOURCES).set(SOURCES.MAX_VIDEO_DURATION_SECONDS, 3).execute();

        phase2.process(post);
        phase2.downloadAll();

        VideosRecord video = phase2.videos(post).getFirst();
        assertThat(video.getStatus()).isEqualTo(VideoStatus.skipped);
        assertThat(extra(video).get("actual_duration_seconds").asDouble()).isBetween(4.5, 5.5);
        assertThat(video.getMediaFileId()).isNull();
        assertThat(phase2.files()).isEmpty();
        assertThat(phase2.filesOnDisk()).isEmpty();
        assertThat(phase2.tempFilesLeft()).isEmpty();
    }
}
