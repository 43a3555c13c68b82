package org.creatorarchiver.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.queue.JobCodec;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phase 2's requests for transcripts: one row and one job per content, however often it is asked. */
class TranscriptRequestsTest {

    private final DSLContext db = TestDatabase.migrated();
    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());
    private long file;

    @BeforeEach
    void oneStoredFile() {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        file = db.insertInto(MEDIA_FILES, MEDIA_FILES.FILE_HASH, MEDIA_FILES.FILE_PATH, MEDIA_FILES.FILE_SIZE)
                .values("cd".repeat(32), "sha256/cd/cd/" + "cd".repeat(32) + ".mp3", 100L)
                .returning(MEDIA_FILES.ID)
                .fetchSingle(MEDIA_FILES.ID);
    }

    @Test
    void theSameFileAskedForByThreePostsGetsOneTranscriptAndOneJob() {
        TranscriptRequests requests = new TranscriptRequests(db, queue, transcription(true, true));

        List<Long> first = requests.requestDownloaded(List.of(TranscriptContent.ofFile(file)));
        List<Long> second = requests.requestDownloaded(List.of(TranscriptContent.ofFile(file)));
        List<Long> third =
                requests.requestDownloaded(List.of(TranscriptContent.ofFile(file), TranscriptContent.ofFile(file)));

        assertThat(first).hasSize(1);
        assertThat(second).isEmpty();
        assertThat(third).isEmpty();
        assertThat(db.fetchCount(TRANSCRIPTS)).isEqualTo(1);
        assertThat(jobs()).containsExactly(new JobTypes.Transcribe(first.getFirst()));
    }

    @Test
    void aSkippedOrFailedTranscriptIsAskedForAgainButACompletedOneNever() {
        TranscriptRequests requests = new TranscriptRequests(db, queue, transcription(true, true));
        long id = requests.requestDownloaded(List.of(TranscriptContent.ofFile(file)))
                .getFirst();
        setStatus(id, TranscriptStatus.skipped);

        assertThat(requests.requestDownloaded(List.of(TranscriptContent.ofFile(file))))
                .containsExactly(id);
        assertThat(status(id)).isEqualTo(TranscriptStatus.pending);

        setStatus(id, TranscriptStatus.completed);
        assertThat(requests.requestDownloaded(List.of(TranscriptContent.ofFile(file))))
                .isEmpty();
        assertThat(status(id)).isEqualTo(TranscriptStatus.completed);
        assertThat(jobs()).hasSize(2);
    }

    @Test
    void embedsAreAskedForOnlyWhenCaptionsAreUsedAndNothingWhileTranscriptionIsOff() {
        new TranscriptRequests(db, queue, transcription(true, false)).requestEmbedded(List.of("dQw4w9WgXcQ"));
        new TranscriptRequests(db, queue, transcription(false, true)).requestEmbedded(List.of("dQw4w9WgXcQ"));
        new TranscriptRequests(db, queue, transcription(false, true))
                .requestDownloaded(List.of(TranscriptContent.ofFile(file)));
        assertThat(db.fetchCount(TRANSCRIPTS)).isZero();
        assertThat(jobs()).isEmpty();

        new TranscriptRequests(db, queue, transcription(true, true)).requestEmbedded(List.of("dQw4w9WgXcQ"));
        assertThat(db.fetchCount(TRANSCRIPTS, TRANSCRIPTS.YOUTUBE_ID.eq("dQw4w9WgXcQ")))
                .isEqualTo(1);
    }

    @Test
    void aFileReleasedBeforeItsRequestIsNotTranscribed() {
        db.deleteFrom(MEDIA_FILES).where(MEDIA_FILES.ID.eq(file)).execute();

        List<Long> asked = new TranscriptRequests(db, queue, transcription(true, true))
                .requestDownloaded(List.of(TranscriptContent.ofFile(file)));

        assertThat(asked).isEmpty();
        assertThat(db.fetchCount(TRANSCRIPTS)).isZero();
    }

    private List<JobTypes.Transcribe> jobs() {
        return queue.heldJobs(Queues.TRANSCRIBE).stream()
                .map(job -> JobCodec.payload(job, JobTypes.Transcribe.class))
                .toList();
    }

    private void setStatus(long id, TranscriptStatus status) {
        db.update(TRANSCRIPTS)
                .set(TRANSCRIPTS.STATUS, status)
                .where(TRANSCRIPTS.ID.eq(id))
                .execute();
    }

    private TranscriptStatus status(long id) {
        return db.select(TRANSCRIPTS.STATUS)
                .from(TRANSCRIPTS)
                .where(TRANSCRIPTS.ID.eq(id))
                .fetchSingle(TRANSCRIPTS.STATUS);
    }

    private static Settings.Transcription transcription(boolean enabled, boolean useCaptions) {
        Settings.Transcription d = Settings.Transcription.DEFAULTS;
        return new Settings.Transcription(
                enabled, d.baseUrl(), d.model(), Optional.empty(), useCaptions, d.captionLanguages(), 600, 0.006);
    }
}
