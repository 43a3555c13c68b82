package org.creatorarchiver.phase2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.VIDEO_SUBTITLES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.MediaFilesRecord;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.db.generated.tables.records.VideoSubtitlesRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.testing.patreon.TestVideos;
import org.junit.jupiter.api.Test;

/** Every post type of the samples under the default settings: the rows, the decisions and the files on disk. */
class PostProcessingTest extends SamplePostsWithVideoSite {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String post(int number) {
        return phase2.creator.postId(number);
    }

    @Test
    void imagesAreKeptAsUrlsAndTheAttachmentIsDownloadedUnderItsHashNotItsName() throws Exception {
        phase2.process(post(2));
        phase2.downloadAll();

        List<PostMediaRecord> media = phase2.media(post(2));
        assertThat(media)
                .extracting(PostMediaRecord::getKind)
                .containsExactly(PostMediaKind.image, PostMediaKind.image, PostMediaKind.attachment);
        assertThat(media.subList(0, 2)).allSatisfy(image -> {
            assertThat(image.getStatus()).isEqualTo(PostMediaStatus.url_only);
            assertThat(image.getMediaFileId()).isNull();
            assertThat(image.getSourceUrl()).contains("/cdn/");
            assertThat(metadata(image).get("cdn_file_key").asText()).matches("[0-9a-f]{32}");
        });
        assertThat(media.subList(0, 2))
                .extracting(PostMediaRecord::getExternalMediaId)
                .containsExactly("700000021", "700000022");
        PostMediaRecord attachment = media.get(2);
        assertThat(attachment.getStatus()).isEqualTo(PostMediaStatus.downloaded);
        assertThat(metadata(attachment).get("file_name").asText()).isEqualTo("Skyforge_ProjectFiles_v2.zip");
        MediaFilesRecord file = phase2.file(attachment.getMediaFileId());
        assertThat(file.getFilePath())
                .matches("sha256/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}\\.zip")
                .doesNotContain("Skyforge");
        assertThat(Files.readAllBytes(mediaDir.resolve(file.getFilePath())))
                .isEqualTo(phase2.patreon.cdn().bytesOf(attachment.getSourceUrl()));
        assertThat(file.getReferenceCount()).isEqualTo(1);
        assertThat(phase2.filesOnDisk()).hasSize(1);
        assertThat(phase2.tempFilesLeft()).isEmpty();
        assertThat(phase2.post(post(2)).getStatus()).isEqualTo(PostStatus.completed);
    }

    @Test
    void anAudioIsDownloadedAndIsNotAVideo() throws Exception {
        phase2.process(post(3));
        phase2.downloadAll();

        PostMediaRecord audio = phase2.media(post(3)).getFirst();
        assertThat(audio.getKind()).isEqualTo(PostMediaKind.audio);
        assertThat(audio.getStatus()).isEqualTo(PostMediaStatus.downloaded);
        assertThat(phase2.file(audio.getMediaFileId()).getFilePath()).endsWith(".mp3");
        assertThat(phase2.videos(post(3))).isEmpty();
    }

    @Test
    void aMuxVideoIsDownloadedThroughYtDlpWithPatreonsRefererAndCountsTwice() throws Exception {
        phase2.process(post(4));
        phase2.downloadAll();

        PostMediaRecord item = phase2.media(post(4)).getFirst();
        assertThat(item.getKind()).isEqualTo(PostMediaKind.video);
        assertThat(item.getStatus()).isEqualTo(PostMediaStatus.downloaded);
        VideosRecord video = phase2.videos(post(4)).getFirst();
        assertThat(video.getProvider()).isEqualTo(VideoProvider.patreon);
        assertThat(video.getExternalId()).isEqualTo("216581623");
        assertThat(video.getStatus()).isEqualTo(VideoStatus.completed);
        assertThat(video.getDurationSeconds()).as("as Patreon reports it").isEqualTo(1653);
        assertThat(video.getMediaFileId()).isEqualTo(item.getMediaFileId());
        MediaFilesRecord file = phase2.file(video.getMediaFileId());
        assertThat(file.getReferenceCount()).isEqualTo(2).isEqualTo(phase2.rowsPointingAt(file.getId()));
        assertThat(Files.size(mediaDir.resolve(file.getFilePath()))).isPositive();
        assertThat(phase2.patreon.requests("/mux/"))
                .isNotEmpty()
                .allSatisfy(request ->
                        assertThat(request.getHeaders().get("Referer")).isEqualTo("https://www.patreon.com/"));
        assertThat(phase2.patreon.requests("/mux/"))
                .allSatisfy(request ->
                        assertThat(request.getHeaders().get("Cookie")).isNull());
    }

    @Test
    void aMuxVideoWithCaptionsKeepsTheirTrackAsItsSubtitles() throws Exception {
        phase2.creator.captionVideo(post(4));

        phase2.process(post(4));
        phase2.downloadAll();

        VideosRecord video = phase2.videos(post(4)).getFirst();
        assertThat(video.getStatus()).isEqualTo(VideoStatus.completed);
        VideoSubtitlesRecord captions = phase2.db
                .selectFrom(VIDEO_SUBTITLES)
                .where(VIDEO_SUBTITLES.VIDEO_ID.eq(video.getId()))
                .fetchSingle();
        assertThat(captions.getLanguage()).isEqualTo("en");
        assertThat(captions.getAutoGenerated()).isFalse();
        MediaFilesRecord file = phase2.file(captions.getMediaFileId());
        assertThat(file.getFilePath()).endsWith(".vtt");
        assertThat(mediaDir.resolve(file.getFilePath()))
                .content()
                .contains(TestVideos.MUX_CAPTIONS.get(0), TestVideos.MUX_CAPTIONS.get(1));
        assertThat(file.getReferenceCount()).isEqualTo(1).isEqualTo(phase2.rowsPointingAt(file.getId()));
        assertThat(phase2.tempFilesLeft()).isEmpty();
    }

    @Test
    void youTubeAndVimeoEmbedsAreKeptAsEmbeds() throws Exception {
        phase2.process(post(5));
        phase2.process(post(1));

        VideosRecord youTube = phase2.videos(post(5)).getFirst();
        assertThat(youTube.getProvider()).isEqualTo(VideoProvider.youtube);
        assertThat(youTube.getExternalId()).isEqualTo("yT3mbedID01");
        assertThat(youTube.getStatus()).isEqualTo(VideoStatus.embedded);
        assertThat(youTube.getUrl()).isEqualTo("https://www.youtube.com/watch?v=yT3mbedID01");
        assertThat(JSON.readTree(youTube.getExtraMetadata().data())
                        .get("embed_html")
                        .asText())
                .contains("https://www.youtube-nocookie.com/embed/yT3mbedID01");
        assertThat(phase2.media(post(5)))
                .filteredOn(m -> m.getKind() == PostMediaKind.embed)
                .extracting(PostMediaRecord::getStatus)
                .containsOnly(PostMediaStatus.embedded);

        VideosRecord vimeo = phase2.videos(post(1)).getFirst();
        assertThat(vimeo.getProvider()).isEqualTo(VideoProvider.vimeo);
        assertThat(vimeo.getExternalId()).isEqualTo("905512347");
        assertThat(vimeo.getUrl())
                .as("the player URL, which plays where the page may 404")
                .isEqualTo("https://player.vimeo.com/video/905512347?h=c0ffee1234");
        assertThat(vimeo.getStatus()).isEqualTo(VideoStatus.embedded);
        assertThat(phase2.waitingDownloads()).isZero();
    }

    @Test
    void aVimeoEmbedOnAnotherHostGetsItsVideosRowByTheIdSegmentOfItsUrl() throws Exception {
        phase2.creator.embedVimeo(post(1), "https://videos.example.org/vimeo/709005134/");

        phase2.process(post(1));

        assertThat(phase2.videos(post(1))).singleElement().satisfies(vimeo -> {
            assertThat(vimeo.getProvider()).isEqualTo(VideoProvider.vimeo);
            assertThat(vimeo.getExternalId()).isEqualTo("709005134");
            assertThat(vimeo.getStatus()).isEqualTo(VideoStatus.embedded);
            assertThat(vimeo.getUrl()).isEqualTo("https://player.vimeo.com/video/709005134");
        });
        assertThat(phase2.media(post(1)))
                .filteredOn(m -> m.getKind() == PostMediaKind.embed)
                .singleElement()
                .satisfies(embed -> {
                    assertThat(embed.getExternalMediaId()).isEqualTo("709005134");
                    assertThat(embed.getSourceUrl()).isEqualTo("https://videos.example.org/vimeo/709005134/");
                });
    }

    @Test
    void aTipTapPostGetsItsHtmlAndTextAndItsInlineImage() throws Exception {
        phase2.process(post(6));

        PostsRecord text = phase2.post(post(6));
        assertThat(text.getContentHtml()).contains("<p>").contains("data-media-id=\"700000061\"");
        assertThat(text.getContentText()).isNotBlank().doesNotContain("<").doesNotContain("&amp;");
        assertThat(text.getTitle()).isEqualTo("Post 6 of skyforge");
        assertThat(text.getDetailsExtractedAt()).isNotNull();
        assertThat(phase2.media(post(6))).anySatisfy(image -> {
            assertThat(image.getExternalMediaId()).isEqualTo("700000061");
            assertThat(image.getStatus()).isEqualTo(PostMediaStatus.url_only);
        });
    }

    @Test
    void aLockedPostKeepsItsTeaserAndAccessInfoAndDownloadsNothing() throws Exception {
        for (int number : new int[] {2, 3}) {
            phase2.creator.lock(post(number));
        }
        phase2.creator.lockVideoWithPreview(post(4), 1653.852);

        for (int number : new int[] {2, 3, 4}) {
            phase2.process(post(number));
        }

        assertThat(phase2.waitingDownloads()).isZero();
        for (int number : new int[] {2, 3, 4}) {
            PostsRecord locked = phase2.post(post(number));
            assertThat(locked.getIsLocked()).isTrue();
            assertThat(locked.getStatus()).isEqualTo(PostStatus.completed);
            assertThat(locked.getTeaserText()).isNotBlank();
            assertThat(locked.getContentHtml()).isNull();
            assertThat(JSON.readTree(locked.getRaw().data())
                            .path("data")
                            .path("relationships")
                            .has("access_rules"))
                    .isTrue();
            assertThat(phase2.media(post(number))).isNotEmpty().allSatisfy(item -> {
                assertThat(item.getStatus()).isEqualTo(PostMediaStatus.view_on_patreon);
                assertThat(item.getSourceUrl()).as("previews are never content").isNull();
                assertThat(item.getMediaFileId()).isNull();
            });
        }
        VideosRecord video = phase2.videos(post(4)).getFirst();
        assertThat(video.getExternalId()).isEqualTo("216581623");
        assertThat(video.getStatus()).isEqualTo(VideoStatus.view_on_patreon);
        assertThat(video.getUrl()).isEqualTo(phase2.post(post(4)).getUrl());
        assertThat(phase2.patreon.requests("/cdn/")).isEmpty();
        assertThat(phase2.patreon.requests("/mux/")).isEmpty();
    }

    @Test
    void processingEveryPostTwiceChangesNoFileNorCount() throws Exception {
        phase2.processAll();
        phase2.downloadAll();
        List<MediaFilesRecord> before = phase2.files();
        List<Path> onDisk = phase2.filesOnDisk();

        phase2.processAll();
        phase2.downloadAll();

        assertThat(phase2.waitingDownloads()).isZero();
        assertThat(phase2.files())
                .extracting(MediaFilesRecord::getFileHash, MediaFilesRecord::getReferenceCount)
                .containsExactlyElementsOf(before.stream()
                        .map(f -> org.assertj.core.groups.Tuple.tuple(f.getFileHash(), f.getReferenceCount()))
                        .toList());
        assertThat(phase2.filesOnDisk()).containsExactlyInAnyOrderElementsOf(onDisk);
        phase2.store().assertConsistent();
    }

    private static JsonNode metadata(PostMediaRecord row) throws Exception {
        return JSON.readTree(row.getMetadata().data());
    }
}
