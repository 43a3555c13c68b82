package org.creatorarchiver.phase2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creatorarchiver.db.generated.Tables.VIDEO_SUBTITLES;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.creatorarchiver.db.generated.tables.records.VideoSubtitlesRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.testing.patreon.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each media setting flipped changes its decisions; YouTube download mode fetches the video and its subtitles. */
class MediaSettingsTest extends SamplePostsWithVideoSite {

    private static Settings.Media flipped(Settings.YoutubeMode youTube) {
        Settings.Media defaults = Settings.Media.DEFAULTS;
        return new Settings.Media(
                new Settings.Images(true, true),
                new Settings.PatreonMedia(
                        new Settings.PatreonVideos(false, "best", "mp4"),
                        new Settings.PatreonAudios(false, "mp3"),
                        new Settings.Attachments(false)),
                new Settings.Youtube(youTube, false, defaults.youtube().downloadSettings()),
                defaults.deduplication());
    }

    @Test
    void everyFlippedSettingChangesItsItems() throws Exception {
        phase2.settings(flipped(Settings.YoutubeMode.EMBED));
        phase2.processAll();
        phase2.downloadAll();

        List<PostMediaRecord> imagePost = phase2.media(phase2.creator.postId(2));
        assertThat(imagePost.subList(0, 2)).allSatisfy(image -> {
            assertThat(image.getStatus()).isEqualTo(PostMediaStatus.downloaded);
            assertThat(Files.readAllBytes(
                            mediaDir.resolve(phase2.file(image.getMediaFileId()).getFilePath())))
                    .isEqualTo(phase2.patreon.cdn().bytesOf(image.getSourceUrl()));
        });
        assertThat(imagePost.get(2).getStatus()).as("attachment").isEqualTo(PostMediaStatus.url_only);
        assertThat(phase2.media(phase2.creator.postId(3)).getFirst().getStatus())
                .as("audio")
                .isEqualTo(PostMediaStatus.view_on_patreon);
        PostMediaRecord video = phase2.media(phase2.creator.postId(4)).getFirst();
        assertThat(video.getStatus()).isEqualTo(PostMediaStatus.view_on_patreon);
        VideosRecord videoRow = phase2.videos(phase2.creator.postId(4)).getFirst();
        assertThat(videoRow.getStatus()).isEqualTo(VideoStatus.view_on_patreon);
        assertThat(videoRow.getUrl())
                .as("the post is the place to watch")
                .isEqualTo(phase2.post(phase2.creator.postId(4)).getUrl());
        assertThat(phase2.patreon.requests("/mux/")).isEmpty();
    }

    private static Settings.Media embedUnlessItFails() {
        return Phase2Harness.defaultsWithYouTube(Settings.YoutubeMode.EMBED, true);
    }

    @Test
    void downloadIfEmbedFailsKeepsAPlayableVideoAsAnEmbed() throws Exception {
        String post = phase2.creator.postId(5);
        phase2.creator.embedYouTube(post, site.url("/page-1?v=lOcAlVide01"));
        phase2.settings(embedUnlessItFails());

        phase2.process(post);
        phase2.downloadAll();

        VideosRecord video = phase2.videos(post).getFirst();
        assertThat(video.getStatus()).isEqualTo(VideoStatus.embedded);
        assertThat(video.getMediaFileId()).isNull();
        assertThat(phase2.files()).isEmpty();
    }

    @Test
    void downloadIfEmbedFailsDownloadsAVideoThatCannotBeEmbedded(@TempDir Path bin) throws Exception {
        // yt-dlp as installed, except that its probe says what YouTube says of a video whose owner disabled embedding.
        Path ytDlp = bin.resolve("yt-dlp-no-embed");
        Files.writeString(ytDlp, """
                #!/bin/sh
                for argument in "$@"; do
                  if [ "$argument" = "--no-simulate" ]; then exec yt-dlp "$@"; fi
                done
                yt-dlp "$@" | sed 's/^{/{"playable_in_embed": false, /'
                """);
        ytDlp.toFile().setExecutable(true);
        String post = phase2.creator.postId(5);
        phase2.creator.embedYouTube(post, site.url("/page-1?v=lOcAlVide01"));
        phase2.settings(embedUnlessItFails(), new org.creatorarchiver.config.ExternalTools(ytDlp.toString(), "ffmpeg"));

        phase2.process(post);
        phase2.downloadAll();

        VideosRecord video = phase2.videos(post).getFirst();
        assertThat(video.getStatus()).isEqualTo(VideoStatus.completed);
        assertThat(Files.mismatch(
                        mediaDir.resolve(phase2.file(video.getMediaFileId()).getFilePath()), site.clip()))
                .isEqualTo(-1L);
    }

    @Test
    void youTubeDownloadModeStoresTheVideoAndItsEnglishAndSpanishSubtitles() throws Exception {
        String post = processedYouTubePost("lOcAlVide01");

        phase2.downloadAll();

        VideosRecord video = phase2.videos(post).getFirst();
        assertThat(video.getExternalId()).isEqualTo("lOcAlVide01");
        assertThat(video.getStatus()).isEqualTo(VideoStatus.completed);
        assertThat(Files.mismatch(
                        mediaDir.resolve(phase2.file(video.getMediaFileId()).getFilePath()), site.clip()))
                .isEqualTo(-1L);
        assertThat(video.getDurationSeconds())
                .as("measured, as Patreon gives none for embeds")
                .isBetween(4, 5);
        List<VideoSubtitlesRecord> subtitles = phase2.db
                .selectFrom(VIDEO_SUBTITLES)
                .where(VIDEO_SUBTITLES.VIDEO_ID.eq(video.getId()))
                .orderBy(VIDEO_SUBTITLES.LANGUAGE)
                .fetch();
        assertThat(subtitles).extracting(VideoSubtitlesRecord::getLanguage).containsExactly("en", "es");
        assertThat(subtitles).noneMatch(VideoSubtitlesRecord::getAutoGenerated);
        assertThat(Files.readString(mediaDir.resolve(
                        phase2.file(subtitles.get(1).getMediaFileId()).getFilePath())))
                .contains("Hola");
        PostMediaRecord item = phase2.media(post).stream()
                .filter(m -> m.getKind() == PostMediaKind.embed)
                .findFirst()
                .orElseThrow();
        assertThat(item.getStatus()).isEqualTo(PostMediaStatus.downloaded);
        assertThat(phase2.file(video.getMediaFileId()).getReferenceCount()).isEqualTo(2);
        assertThat(phase2.tempFilesLeft()).isEmpty();
    }

    @Test
    void aSubtitleThatDidNotDownloadFailsTheAttemptAndTheRetryArchivesTheVideoWithIt() throws Exception {
        String post = processedYouTubePost("lOcAlVide02");
        long download = phase2.takeDownload();
        site.hide("/" + TestVideos.ENGLISH_SUBTITLES);

        assertThatThrownBy(() -> phase2.download(download, 0))
                .isInstanceOf(IOException.class)
                .hasMessage("the en subtitles of youtube video lOcAlVide02 did not download; the video is downloaded"
                        + " again with them");
        VideosRecord waiting = phase2.videos(post).getFirst();
        assertThat(waiting.getMediaFileId())
                .as("nothing archived by the failed attempt")
                .isNull();
        assertThat(phase2.media(post).getFirst().getStatus()).isEqualTo(PostMediaStatus.queued);
        assertThat(phase2.tempFilesLeft()).isEmpty();

        site.unhide("/" + TestVideos.ENGLISH_SUBTITLES);
        phase2.download(download, 1);

        VideosRecord video = phase2.videos(post).getFirst();
        assertThat(video.getStatus()).isEqualTo(VideoStatus.completed);
        assertThat(subtitleLanguages(video)).containsExactly("en", "es");
        phase2.store().assertConsistent();
    }

    @Test
    void onTheLastAttemptAVideoIsKeptWithoutTheSubtitleThatDidNotDownload() throws Exception {
        String post = processedYouTubePost("lOcAlVide03");
        int lastAttempt = flipped(Settings.YoutubeMode.DOWNLOAD)
                .youtube()
                .downloadSettings()
                .maxRetries();
        site.hide("/" + TestVideos.ENGLISH_SUBTITLES);
        try {
            phase2.download(phase2.takeDownload(), lastAttempt);
        } finally {
            site.unhide("/" + TestVideos.ENGLISH_SUBTITLES);
        }

        VideosRecord video = phase2.videos(post).getFirst();
        assertThat(video.getStatus()).isEqualTo(VideoStatus.completed);
        assertThat(Files.mismatch(
                        mediaDir.resolve(phase2.file(video.getMediaFileId()).getFilePath()), site.clip()))
                .isEqualTo(-1L);
        assertThat(subtitleLanguages(video)).containsExactly("es");
        phase2.store().assertConsistent();
    }

    /** Post 5, embedding the local video page as YouTube video {@code videoId}, processed in download mode. */
    private String processedYouTubePost(String videoId) throws Exception {
        String post = phase2.creator.postId(5);
        phase2.creator.embedYouTube(post, site.url("/page-1?v=" + videoId));
        phase2.settings(flipped(Settings.YoutubeMode.DOWNLOAD));
        phase2.process(post);
        return post;
    }

    private List<String> subtitleLanguages(VideosRecord video) {
        return phase2.db
                .select(VIDEO_SUBTITLES.LANGUAGE)
                .from(VIDEO_SUBTITLES)
                .where(VIDEO_SUBTITLES.VIDEO_ID.eq(video.getId()))
                .orderBy(VIDEO_SUBTITLES.LANGUAGE)
                .fetch(VIDEO_SUBTITLES.LANGUAGE);
    }

    @Test
    void aYouTubeVideoArchivedForOnePostIsLinkedIntoAnotherWithItsSubtitlesAndDuration() throws Exception {
        String first = phase2.creator.postId(5);
        String second = phase2.creator.postId(6);
        phase2.creator.embedYouTube(first, site.url("/page-1?v=lOcAlVide01"));
        phase2.creator.embedYouTube(second, site.url("/page-1?v=lOcAlVide01"));
        phase2.settings(flipped(Settings.YoutubeMode.DOWNLOAD));
        phase2.process(first);
        phase2.downloadAll();

        phase2.process(second);

        PostMediaRecord embed = phase2.media(second).stream()
                .filter(m -> m.getKind() == PostMediaKind.embed)
                .findFirst()
                .orElseThrow();
        assertThat(embed.getStatus()).as("linked while processing, no download").isEqualTo(PostMediaStatus.downloaded);
        VideosRecord original = phase2.videos(first).getFirst();
        VideosRecord linked = phase2.videos(second).getFirst();
        assertThat(linked.getStatus()).isEqualTo(VideoStatus.completed);
        assertThat(linked.getMediaFileId()).isEqualTo(original.getMediaFileId());
        assertThat(linked.getDurationSeconds())
                .as("measured by the first download")
                .isEqualTo(original.getDurationSeconds())
                .isNotNull();
        List<VideoSubtitlesRecord> subtitles = phase2.db
                .selectFrom(VIDEO_SUBTITLES)
                .where(VIDEO_SUBTITLES.VIDEO_ID.eq(linked.getId()))
                .orderBy(VIDEO_SUBTITLES.LANGUAGE)
                .fetch();
        List<VideoSubtitlesRecord> originalSubtitles = phase2.db
                .selectFrom(VIDEO_SUBTITLES)
                .where(VIDEO_SUBTITLES.VIDEO_ID.eq(original.getId()))
                .orderBy(VIDEO_SUBTITLES.LANGUAGE)
                .fetch();
        assertThat(subtitles).extracting(VideoSubtitlesRecord::getLanguage).containsExactly("en", "es");
        assertThat(subtitles)
                .extracting(VideoSubtitlesRecord::getMediaFileId)
                .isEqualTo(originalSubtitles.stream()
                        .map(VideoSubtitlesRecord::getMediaFileId)
                        .toList());
        assertThat(phase2.file(linked.getMediaFileId()).getReferenceCount())
                .as("2 posts x (item + video)")
                .isEqualTo(4);
        assertThat(phase2.file(subtitles.getFirst().getMediaFileId()).getReferenceCount())
                .isEqualTo(2);
    }
}
