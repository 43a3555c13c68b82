package org.creatorarchiver.phase2.decide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.phase2.media.MediaItem;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.testing.SettableClock;
import org.creatorarchiver.videos.VideoMetadata;
import org.junit.jupiter.api.Test;

/** The decision for each kind of media under the default settings and with each setting flipped. */
class MediaPolicyTest {

    private static final Settings.Media DEFAULTS = Settings.Media.DEFAULTS;
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-11-21T10:00:00Z"));

    private MediaPolicy policy(Settings.Media media) {
        return new MediaPolicy(media, new DurationPolicy(2159), clock);
    }

    private static MediaItem item(PostMediaKind kind, MediaItem.VideoSource provider, Double seconds) {
        return new MediaItem(
                kind,
                Optional.of("https://example.com/x"),
                Optional.of("42"),
                Optional.ofNullable(provider),
                seconds == null ? OptionalDouble.empty() : OptionalDouble.of(seconds),
                JsonNodeFactory.instance.objectNode());
    }

    @Test
    void defaultsKeepImageUrlsDownloadPatreonMediaAndAttachmentsAndEmbedYouTube() {
        MediaPolicy policy = policy(DEFAULTS);

        assertThat(policy.decide(item(PostMediaKind.image, null, null), false, 2159, false)
                        .status())
                .isEqualTo(PostMediaStatus.url_only);
        assertThat(policy.decide(item(PostMediaKind.audio, null, 3000.0), false, 2159, false)
                        .status())
                .isEqualTo(PostMediaStatus.queued);
        assertThat(policy.decide(item(PostMediaKind.attachment, null, null), false, 2159, false)
                        .status())
                .isEqualTo(PostMediaStatus.queued);
        MediaDecision video =
                policy.decide(item(PostMediaKind.video, MediaItem.VideoSource.PATREON, 1653.852), false, 2159, false);
        assertThat(video.status()).isEqualTo(PostMediaStatus.queued);
        assertThat(video.videoStatus()).contains(VideoStatus.queued);
        MediaDecision youTube =
                policy.decide(item(PostMediaKind.embed, MediaItem.VideoSource.YOUTUBE, null), false, 2159, false);
        assertThat(youTube.status()).isEqualTo(PostMediaStatus.embedded);
        assertThat(youTube.videoStatus()).contains(VideoStatus.embedded);
        assertThat(policy.decide(item(PostMediaKind.embed, MediaItem.VideoSource.VIMEO, null), false, 2159, false)
                        .videoStatus())
                .contains(VideoStatus.embedded);
    }

    @Test
    void eachFlippedSettingChangesItsDecision() {
        Settings.Media flipped = new Settings.Media(
                new Settings.Images(true, true),
                new Settings.PatreonMedia(
                        new Settings.PatreonVideos(false, "best", "mp4"),
                        new Settings.PatreonAudios(false, "mp3"),
                        new Settings.Attachments(false)),
                new Settings.Youtube(
                        Settings.YoutubeMode.DOWNLOAD, false, DEFAULTS.youtube().downloadSettings()),
                DEFAULTS.deduplication());
        MediaPolicy policy = policy(flipped);

        assertThat(policy.decide(item(PostMediaKind.image, null, null), false, 2159, false)
                        .status())
                .isEqualTo(PostMediaStatus.queued);
        assertThat(policy.decide(item(PostMediaKind.audio, null, null), false, 2159, false)
                        .status())
                .isEqualTo(PostMediaStatus.view_on_patreon);
        assertThat(policy.decide(item(PostMediaKind.attachment, null, null), false, 2159, false)
                        .status())
                .isEqualTo(PostMediaStatus.url_only);
        MediaDecision video =
                policy.decide(item(PostMediaKind.video, MediaItem.VideoSource.PATREON, 100.0), false, 2159, false);
        assertThat(video.status()).isEqualTo(PostMediaStatus.view_on_patreon);
        assertThat(video.videoStatus()).contains(VideoStatus.view_on_patreon);
        assertThat(policy.decide(item(PostMediaKind.embed, MediaItem.VideoSource.YOUTUBE, null), false, 2159, false)
                        .status())
                .isEqualTo(PostMediaStatus.queued);
    }

    @Test
    void aVideoOverTheLimitIsSkippedWithItsFiguresUnlessProcessedAnyway() {
        MediaPolicy policy = policy(DEFAULTS);

        MediaDecision skipped =
                policy.decide(item(PostMediaKind.video, MediaItem.VideoSource.PATREON, 3600.0), false, 2159, false);
        assertThat(skipped.status()).isEqualTo(PostMediaStatus.skipped);
        assertThat(skipped.videoStatus()).contains(VideoStatus.skipped);
        assertThat(skipped.skip().map(skip -> VideoMetadata.ofSkip(skip).toJson()))
                .hasValueSatisfying(metadata -> {
                    assertThat(metadata.get("skip_reason").asText()).isEqualTo("duration_exceeded");
                    assertThat(metadata.get("max_allowed_seconds").asInt()).isEqualTo(2159);
                    assertThat(metadata.get("actual_duration_seconds").asInt()).isEqualTo(3600);
                    assertThat(metadata.get("skipped_at").asText()).isEqualTo("2026-11-21T10:00:00Z");
                });
        assertThat(policy.decide(item(PostMediaKind.video, MediaItem.VideoSource.PATREON, 2159.0), false, 2159, false)
                        .status())
                .isEqualTo(PostMediaStatus.queued);
        assertThat(policy.decide(item(PostMediaKind.video, MediaItem.VideoSource.PATREON, 3600.0), false, 2159, true)
                        .status())
                .isEqualTo(PostMediaStatus.queued);
        assertThat(policy.decide(item(PostMediaKind.video, MediaItem.VideoSource.PATREON, 1000.0), false, 600, false)
                        .status())
                .as("a per-source limit")
                .isEqualTo(PostMediaStatus.skipped);
        assertThat(policy.decide(item(PostMediaKind.audio, null, 9000.0), false, 2159, false)
                        .status())
                .as("audio is not subject to the limit")
                .isEqualTo(PostMediaStatus.queued);
    }

    @Test
    void aLockedPostsMediaAreViewOnPatreonOrSkippedAndNeverDownloaded() {
        MediaPolicy policy = policy(DEFAULTS);

        assertThat(policy.decide(item(PostMediaKind.audio, null, null), true, 2159, false)
                        .status())
                .isEqualTo(PostMediaStatus.view_on_patreon);
        assertThat(policy.decide(item(PostMediaKind.image, null, null), true, 2159, false)
                        .status())
                .isEqualTo(PostMediaStatus.view_on_patreon);
        MediaDecision video =
                policy.decide(item(PostMediaKind.video, MediaItem.VideoSource.PATREON, 100.0), true, 2159, false);
        assertThat(video.status()).isEqualTo(PostMediaStatus.view_on_patreon);
        assertThat(video.videoStatus()).contains(VideoStatus.view_on_patreon);
        assertThat(policy.decide(item(PostMediaKind.video, MediaItem.VideoSource.PATREON, 3000.0), true, 2159, false)
                        .status())
                .isEqualTo(PostMediaStatus.skipped);
    }
}
