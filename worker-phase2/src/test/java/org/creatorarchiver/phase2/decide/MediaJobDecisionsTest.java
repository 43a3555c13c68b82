package org.creatorarchiver.phase2.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.testing.SettableClock;
import org.creatorarchiver.tools.VideoInfo;
import org.creatorarchiver.videos.VideoMetadata;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

/** The media job's decisions: before downloading (probe, embed, skip), after, and what an archived file keeps. */
class MediaJobDecisionsTest {

    private static final Settings.Media DEFAULTS = Settings.Media.DEFAULTS;
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-11-21T10:00:00Z"));

    private MediaPolicy policy(Settings.YoutubeMode mode, boolean downloadIfEmbedFails) {
        Settings.Youtube youtube = new Settings.Youtube(
                mode, downloadIfEmbedFails, DEFAULTS.youtube().downloadSettings());
        Settings.Media media =
                new Settings.Media(DEFAULTS.images(), DEFAULTS.patreon(), youtube, DEFAULTS.deduplication());
        return new MediaPolicy(media, new DurationPolicy(2159), clock);
    }

    private static VideosRecord video(VideoProvider provider, Integer seconds, VideoMetadata metadata) {
        VideosRecord video = new VideosRecord();
        video.setProvider(provider);
        video.setDurationSeconds(seconds);
        video.setStatus(VideoStatus.queued);
        video.setExtraMetadata(metadata.toJsonb());
        return video;
    }

    private static MediaPolicy.Probe probing(Double seconds, Boolean playable) {
        return () -> new VideoInfo(
                "id", "t", Optional.ofNullable(seconds), "youtube", Set.of(), Set.of(), Optional.ofNullable(playable));
    }

    private static final MediaPolicy.Probe NEVER = () -> fail("no probe expected");

    @Test
    void aKnownDurationOverTheLimitIsSkippedWithoutProbing() throws Exception {
        BeforeDownload before = policy(Settings.YoutubeMode.EMBED, false)
                .beforeDownload(video(VideoProvider.patreon, 3600, VideoMetadata.EMPTY), 2159, NEVER);

        assertThat(before).isInstanceOfSatisfying(BeforeDownload.Skip.class, skip -> {
            assertThat(skip.skip().reason()).isEqualTo("duration_exceeded");
            assertThat(skip.skip().maxAllowedSeconds()).hasValue(2159);
        });
    }

    @Test
    void aVideoMarkedProcessAnywayIsDownloadedWhateverItsDuration() throws Exception {
        VideosRecord marked = video(VideoProvider.patreon, 3600, VideoMetadata.EMPTY.withProcessAnyway());

        assertThat(policy(Settings.YoutubeMode.EMBED, false).beforeDownload(marked, 2159, NEVER))
                .isEqualTo(new BeforeDownload.Download(Optional.of(3600.0)));
    }

    @Test
    void youTubeWithoutADurationTakesYtDlpsAndIsSkippedWhenTooLong() throws Exception {
        BeforeDownload before = policy(Settings.YoutubeMode.DOWNLOAD, false)
                .beforeDownload(video(VideoProvider.youtube, null, VideoMetadata.EMPTY), 2159, probing(4000.0, null));

        assertThat(before).isInstanceOf(BeforeDownload.Skip.class);
    }

    @Test
    void downloadIfEmbedFailsKeepsAPlayableEmbedAndDownloadsAnUnplayableOne() throws Exception {
        MediaPolicy policy = policy(Settings.YoutubeMode.EMBED, true);
        VideosRecord youTube = video(VideoProvider.youtube, 100, VideoMetadata.EMPTY);

        assertThat(policy.beforeDownload(youTube, 2159, probing(100.0, true)))
                .isInstanceOf(BeforeDownload.KeepEmbed.class);
        assertThat(policy.beforeDownload(youTube, 2159, probing(100.0, false)))
                .isEqualTo(new BeforeDownload.Download(Optional.of(100.0)));
    }

    @Test
    void afterDownloadOnlyAnUnknownDurationIsCheckedAgain() {
        MediaPolicy policy = policy(Settings.YoutubeMode.EMBED, false);
        VideosRecord unknown = video(VideoProvider.patreon, null, VideoMetadata.EMPTY);

        assertThat(policy.skipAfterDownload(
                        unknown, new BeforeDownload.Download(Optional.empty()), Optional.of(3000.5), 2159))
                .hasValueSatisfying(
                        skip -> assertThat(skip.actualDurationSeconds()).hasValue(3000.5));
        assertThat(policy.skipAfterDownload(
                        unknown, new BeforeDownload.Download(Optional.of(100.0)), Optional.of(3000.5), 2159))
                .isEmpty();
    }

    @Test
    void anArchivedVideoKeepsItsFileAndLosesItsSkipFigures() {
        MediaPolicy policy = policy(Settings.YoutubeMode.EMBED, false);
        VideosRecord archived = video(VideoProvider.patreon, 100, VideoMetadata.EMPTY);
        archived.setStatus(VideoStatus.completed);
        archived.setMediaFileId(7L);
        Settled viewOnPatreon = new Settled(PostMediaStatus.view_on_patreon, Optional.empty(), Optional.empty());
        MediaDecision decision = new MediaDecision(
                PostMediaStatus.view_on_patreon, Optional.of(VideoStatus.view_on_patreon), Optional.empty());

        SettledVideo video = policy.settleVideo(viewOnPatreon, decision, Optional.of(archived));

        assertThat(video).isEqualTo(new SettledVideo(VideoStatus.completed, Optional.of(7L), VideoMetadata.EMPTY));
        assertThat(VideoMetadata.parse(JSONB.valueOf("{}"))).isEqualTo(VideoMetadata.EMPTY);
    }
}
