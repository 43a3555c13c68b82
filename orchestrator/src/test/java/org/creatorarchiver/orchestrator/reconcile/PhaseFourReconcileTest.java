package org.creatorarchiver.orchestrator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SUMMARIES;
import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.orchestrator.ArchiveRows;
import org.creatorarchiver.queue.JobCodec;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code reconcile} and phase 4: an archive made before transcription was turned on gets a transcript row for every
 * kept recording (and none for what was skipped), unfinished transcripts and missing summaries get their jobs, and a
 * second run adds nothing.
 */
class PhaseFourReconcileTest {

    private final ArchiveRows rows = new ArchiveRows();
    private final DSLContext db = rows.dsl();
    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());

    private long downloadedVideoFile;
    private long audioFile;

    @BeforeEach
    void anArchiveMadeWithTranscriptionOff() {
        TestDatabase.migrated();
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        long source = rows.source("creator");
        long post = rows.post(source, "p1", PostStatus.completed);
        downloadedVideoFile = file(1);
        audioFile = file(2);
        video(source, post, VideoProvider.patreon, "m1", VideoStatus.completed, downloadedVideoFile);
        video(source, post, VideoProvider.patreon, "m2", VideoStatus.skipped, null);
        video(source, post, VideoProvider.youtube, "dQw4w9WgXcQ", VideoStatus.embedded, null);
        video(source, post, VideoProvider.vimeo, "76979871", VideoStatus.view_on_patreon, null);
        db.insertInto(POST_MEDIA)
                .set(POST_MEDIA.POST_ID, post)
                .set(POST_MEDIA.POSITION, 5)
                .set(POST_MEDIA.KIND, PostMediaKind.audio)
                .set(POST_MEDIA.STATUS, PostMediaStatus.downloaded)
                .set(POST_MEDIA.MEDIA_FILE_ID, audioFile)
                .execute();
    }

    @Test
    void withTranscriptionOnEveryKeptRecordingGetsOneTranscriptJobAndASecondRunAddsNone() {
        Settings settings = withTranscription(true, true);

        Map<String, Reconciler.Enqueued> first = new Reconciler(db, queue, settings).run();

        assertThat(first.get("transcribe")).isEqualTo(new Reconciler.Enqueued(3, 3));
        assertThat(db.select(TRANSCRIPTS.MEDIA_FILE_ID, TRANSCRIPTS.YOUTUBE_ID, TRANSCRIPTS.STATUS)
                        .from(TRANSCRIPTS)
                        .fetch(row -> row.value1() + "/" + row.value2() + "/" + row.value3()))
                .containsExactlyInAnyOrder(
                        downloadedVideoFile + "/null/pending", audioFile + "/null/pending", "null/dQw4w9WgXcQ/pending");
        assertThat(transcribeJobs()).hasSize(3);

        Map<String, Reconciler.Enqueued> second = new Reconciler(db, queue, settings).run();

        assertThat(second.get("transcribe")).isEqualTo(new Reconciler.Enqueued(3, 0));
        assertThat(db.fetchCount(TRANSCRIPTS)).isEqualTo(3);
    }

    @Test
    void withoutCaptionsAnEmbeddedVideoGetsNoTranscript() {
        new Reconciler(db, queue, withTranscription(true, false)).run();

        assertThat(db.fetchCount(TRANSCRIPTS, TRANSCRIPTS.YOUTUBE_ID.isNotNull()))
                .isZero();
        assertThat(db.fetchCount(TRANSCRIPTS)).isEqualTo(2);
    }

    @Test
    void withTranscriptionOffNothingIsCreatedOrEnqueued() {
        Map<String, Reconciler.Enqueued> counts = new Reconciler(db, queue, Settings.defaults()).run();

        assertThat(counts.get("transcribe")).isEqualTo(new Reconciler.Enqueued(0, 0));
        assertThat(db.fetchCount(TRANSCRIPTS)).isZero();
        assertThat(queue.heldJobs(Queues.TRANSCRIBE)).isEmpty();
    }

    @Test
    void aCompletedTranscriptWithoutASummaryInTheConfiguredModelAndLanguageGetsOneSummaryJob() {
        Settings settings = withTranscription(true, true);
        long summarizedInAnotherLanguage = completedTranscript(downloadedVideoFile, "uno dos tres");
        long summarized = completedTranscript(audioFile, "four five six");
        summary(summarized, settings.summary().model(), settings.summary().language());
        summary(summarizedInAnotherLanguage, settings.summary().model(), "en");

        Map<String, Reconciler.Enqueued> counts = new Reconciler(db, queue, settings).run();

        assertThat(counts.get("summarize")).isEqualTo(new Reconciler.Enqueued(1, 1));
        assertThat(queue.heldJobs(Queues.SUMMARIZE).stream()
                        .map(job -> JobCodec.payload(job, JobTypes.Summarize.class))
                        .toList())
                .containsExactly(new JobTypes.Summarize(summarizedInAnotherLanguage));
    }

    private List<JobTypes.Transcribe> transcribeJobs() {
        return queue.heldJobs(Queues.TRANSCRIBE).stream()
                .map(job -> JobCodec.payload(job, JobTypes.Transcribe.class))
                .toList();
    }

    private static Settings withTranscription(boolean enabled, boolean useCaptions) {
        Settings defaults = Settings.defaults();
        Settings.Transcription t = defaults.transcription();
        return new Settings(
                defaults.media(),
                defaults.queue(),
                defaults.scraping(),
                new Settings.Transcription(
                        enabled,
                        t.baseUrl(),
                        t.model(),
                        Optional.empty(),
                        useCaptions,
                        t.captionLanguages(),
                        t.chunkSeconds(),
                        t.pricePerMinute()),
                new Settings.Summary(true, "https://api.deepseek.com", "deepseek-chat", "es", 24_000, 0.28, 0.42),
                defaults.budget());
    }

    private long file(int seed) {
        String hash = String.format("%064x", seed);
        return db.insertInto(MEDIA_FILES, MEDIA_FILES.FILE_HASH, MEDIA_FILES.FILE_PATH, MEDIA_FILES.FILE_SIZE)
                .values(hash, "sha256/" + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash + ".mp4", 10L)
                .returning(MEDIA_FILES.ID)
                .fetchSingle(MEDIA_FILES.ID);
    }

    private void video(long source, long post, VideoProvider provider, String id, VideoStatus status, Long file) {
        db.insertInto(VIDEOS)
                .set(VIDEOS.SOURCE_ID, source)
                .set(VIDEOS.POST_ID, post)
                .set(VIDEOS.PROVIDER, provider)
                .set(VIDEOS.EXTERNAL_ID, id)
                .set(VIDEOS.STATUS, status)
                .set(VIDEOS.MEDIA_FILE_ID, file)
                .execute();
    }

    private long completedTranscript(long fileId, String text) {
        return db.insertInto(TRANSCRIPTS)
                .set(TRANSCRIPTS.MEDIA_FILE_ID, fileId)
                .set(TRANSCRIPTS.STATUS, TranscriptStatus.completed)
                .set(TRANSCRIPTS.TEXT, text)
                .returning(TRANSCRIPTS.ID)
                .fetchSingle(TRANSCRIPTS.ID);
    }

    private void summary(long transcriptId, String model, String language) {
        db.insertInto(SUMMARIES)
                .set(SUMMARIES.TRANSCRIPT_ID, transcriptId)
                .set(SUMMARIES.MODEL, model)
                .set(SUMMARIES.LANGUAGE, language)
                .set(SUMMARIES.PROMPT_VERSION, 1)
                .set(SUMMARIES.TEXT, "resumen")
                .execute();
    }
}
