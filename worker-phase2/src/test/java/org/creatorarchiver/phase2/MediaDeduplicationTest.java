package org.creatorarchiver.phase2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.tables.records.MediaFilesRecord;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file once on disk and in media_files, with a reference count equal to the rows that point at it. */
class MediaDeduplicationTest {

    @TempDir
    Path mediaDir;

    private Phase2Harness phase2;

    @BeforeEach
    void start() {
        // 21 posts: three of each sample shape. Posts 3, 10 and 17 carry the same audio file (same media id and CDN
        // key).
        phase2 = new Phase2Harness(mediaDir, 21);
    }

    @AfterEach
    void close() {
        phase2.close();
    }

    private List<String> audioPosts() {
        return List.of(phase2.creator.postId(3), phase2.creator.postId(10), phase2.creator.postId(17));
    }

    private MediaFilesRecord audioFile() {
        PostMediaRecord audio = phase2.media(audioPosts().getFirst()).getFirst();
        assertThat(audio.getKind()).isEqualTo(PostMediaKind.audio);
        return phase2.file(audio.getMediaFileId());
    }

    @Test
    void theSameAudioInThreePostsIsOneFileWithThreeReferences() throws Exception {
        for (String post : audioPosts()) {
            phase2.process(post);
        }
        phase2.downloadAll();

        MediaFilesRecord file = audioFile();
        assertThat(file.getReferenceCount()).isEqualTo(3).isEqualTo(phase2.rowsPointingAt(file.getId()));
        assertThat(phase2.files()).hasSize(1);
        assertThat(phase2.filesOnDisk()).containsExactly(mediaDir.resolve(file.getFilePath()));
        phase2.store().assertConsistent();
    }

    @Test
    void anAudioAlreadyArchivedIsLinkedWithoutDownloadingItAgain() throws Exception {
        phase2.process(audioPosts().get(0));
        phase2.downloadAll();
        int cdnRequests = phase2.patreon.requests("/cdn/").size();

        phase2.process(audioPosts().get(1));

        assertThat(phase2.waitingDownloads()).isZero();
        assertThat(phase2.patreon.requests("/cdn/")).hasSize(cdnRequests);
        assertThat(audioFile().getReferenceCount()).isEqualTo(2);
    }

    @Test
    void aPostThatLosesItsAttachmentReleasesTheFile() throws Exception {
        String post = phase2.creator.postId(2);
        phase2.process(post);
        phase2.downloadAll();
        long attachmentFile = phase2.media(post).get(2).getMediaFileId();
        Path onDisk = mediaDir.resolve(phase2.file(attachmentFile).getFilePath());
        assertThat(onDisk).exists();

        phase2.creator.removeRelationship(post, "attachments_media");
        phase2.process(post);

        assertThat(phase2.media(post))
                .extracting(PostMediaRecord::getKind)
                .containsExactly(PostMediaKind.image, PostMediaKind.image);
        assertThat(phase2.files()).isEmpty();
        assertThat(onDisk).doesNotExist();
    }

    @Test
    void aFileSharedByTwoPostsLosesOnlyOneReferenceWhenOnePostDropsIt() throws Exception {
        String first = phase2.creator.postId(2);
        String second = phase2.creator.postId(9);
        phase2.process(first);
        phase2.process(second);
        phase2.downloadAll();
        long file = phase2.media(first).get(2).getMediaFileId();
        assertThat(phase2.file(file).getReferenceCount()).isEqualTo(2);

        phase2.creator.removeRelationship(second, "attachments_media");
        phase2.process(second);

        assertThat(phase2.file(file).getReferenceCount()).isEqualTo(1).isEqualTo(phase2.rowsPointingAt(file));
        assertThat(mediaDir.resolve(phase2.file(file).getFilePath())).exists();
    }

    @Test
    void twoWorkersDownloadingTheSameFileAtOnceStoreItOnce() throws Exception {
        for (String post : audioPosts()) {
            phase2.process(post);
        }
        List<Long> jobs = audioPosts().stream()
                .map(post -> phase2.media(post).getFirst().getId())
                .toList();
        try (ExecutorService workers = Executors.newFixedThreadPool(3)) {
            List<Callable<Void>> downloads = jobs.stream()
                    .map(id -> (Callable<Void>) () -> {
                        phase2.handlers()
                                .downloads()
                                .handle(
                                        new org.creatorarchiver.jobs.JobTypes.DownloadMedia(id),
                                        new org.creatorarchiver.queue.JobContext(
                                                "job-" + id,
                                                "test",
                                                "media",
                                                0,
                                                "worker-" + id,
                                                java.time.Clock.systemUTC()));
                        return null;
                    })
                    .toList();
            for (Future<Void> done : workers.invokeAll(downloads)) {
                done.get();
            }
        }

        MediaFilesRecord file = audioFile();
        assertThat(phase2.files()).hasSize(1);
        assertThat(file.getReferenceCount()).isEqualTo(3).isEqualTo(phase2.rowsPointingAt(file.getId()));
        assertThat(phase2.filesOnDisk()).hasSize(1);
        assertThat(phase2.tempFilesLeft()).isEmpty();
        phase2.store().assertConsistent();
    }
}
