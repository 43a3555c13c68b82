package org.creatorarchiver.phase4.captions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.phase4.captions.SubtitleRows.StoredFile;
import org.creatorarchiver.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real PostgreSQL with the production migrations. */
class StoredCaptionsTest {

    @TempDir
    Path mediaDir;

    private SubtitleRows rows;
    private StoredCaptions stored;

    @BeforeEach
    void cleanDatabase() {
        TestDatabase.truncateAll();
        rows = new SubtitleRows(TestDatabase.migrated());
        stored = new StoredCaptions(TestDatabase.migrated(), mediaDir);
    }

    @Test
    void readsEachTrackOfTheVideosWithItsFileUnderTheMediaDirectory() {
        VideosRecord video = rows.completedVideo(rows.post("1"), "m1");
        StoredFile english = rows.file("en", "vtt");
        StoredFile machineEnglish = rows.file("en-auto", "vtt");
        StoredFile spanish = rows.file("es", "srt");
        rows.subtitle(video, "es-419", false, spanish);
        rows.subtitle(video, "en", true, machineEnglish);
        rows.subtitle(video, "en", false, english);

        assertThat(stored.forVideos(List.of(video.getId())))
                .containsExactly(
                        new CaptionTrack("en", false, mediaDir.resolve(english.path())),
                        new CaptionTrack("en", true, mediaDir.resolve(machineEnglish.path())),
                        new CaptionTrack("es-419", false, mediaDir.resolve(spanish.path())));
    }

    @Test
    void theSameRecordingInTwoPostsGivesItsTracksOnceAndOtherVideosStayOut() {
        StoredFile english = rows.file("en", "vtt");
        VideosRecord first = rows.completedVideo(rows.post("1"), "m1");
        VideosRecord second = rows.completedVideo(rows.post("2"), "m1");
        VideosRecord unrelated = rows.completedVideo(rows.post("3"), "m9");
        rows.subtitle(first, "en", false, english);
        rows.subtitle(second, "en", false, english);
        rows.subtitle(unrelated, "fr", false, rows.file("fr", "vtt"));

        assertThat(stored.forVideos(List.of(first.getId(), second.getId())))
                .containsExactly(new CaptionTrack("en", false, mediaDir.resolve(english.path())));
    }

    @Test
    void aSubtitleRowWithoutAFileIsLeftOut() {
        VideosRecord video = rows.completedVideo(rows.post("1"), "m1");
        rows.subtitle(video, "en", false, null);

        assertThat(stored.forVideos(List.of(video.getId()))).isEmpty();
    }

    @Test
    void noVideosNoTracks() {
        assertThat(stored.forVideos(List.of())).isEmpty();
        assertThat(stored.forVideos(List.of(12345L))).isEmpty();
    }
}
