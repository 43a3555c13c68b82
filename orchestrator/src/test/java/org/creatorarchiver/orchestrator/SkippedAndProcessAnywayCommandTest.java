package org.creatorarchiver.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.queue.JobCodec;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SkippedAndProcessAnywayCommandTest {

    private static final String LONG_SKIP = """
            {"skip_reason": "duration_exceeded", "max_allowed_seconds": 2159,
             "actual_duration_seconds": 3725.9, "skipped_at": "2026-11-20T10:00:00Z"}""";

    private final ArchiveRows rows = new ArchiveRows();
    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());

    @BeforeEach
    void emptyArchive() {
        TestDatabase.migrated();
        TestDatabase.truncateAll();
        TestServices.flushRedis();
    }

    @Test
    void skippedShowsTitleDurationReasonAndDateOfSkippedVideosOnly() {
        long source = rows.source("longvideos");
        long post = rows.post(source, "p1", PostStatus.completed);
        long hourLong = rows.video(source, post, "m1", "The long one", 3725, VideoStatus.skipped, LONG_SKIP);
        rows.video(source, post, "m2", "Found long in the listing", 2400, VideoStatus.skipped, """
                {"skip_reason": "duration_exceeded_at_discovery", "skipped_at": "2026-11-19T10:00:00Z"}""");
        rows.video(source, post, "m3", "Archived", 100, VideoStatus.completed, "{}");

        CommandRun run = CommandRun.of("skipped");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(4);
        assertThat(run.out().lines().toList().get(1))
                .startsWith(Long.toString(hourLong))
                .contains("1:02:05", "duration_exceeded", "2026-11-20T10:00:00Z", "The long one");
        assertThat(run.out().lines().toList().get(2))
                .contains("40:00", "duration_exceeded_at_discovery", "Found long in the listing");
        assertThat(run.out()).doesNotContain("Archived").contains("2 of 2 skipped video(s) shown");
    }

    @Test
    void skippedJsonFiltersBySourceAndLimits() throws Exception {
        long mine = rows.source("mine");
        long other = rows.source("other");
        long minePost = rows.post(mine, "p1", PostStatus.completed);
        long otherPost = rows.post(other, "p2", PostStatus.completed);
        rows.video(mine, minePost, "m1", "Mine A", 3000, VideoStatus.skipped, LONG_SKIP);
        rows.video(mine, minePost, "m2", "Mine B", 3000, VideoStatus.skipped, "{}");
        rows.video(other, otherPost, "m3", "Other", 3000, VideoStatus.skipped, LONG_SKIP);

        CommandRun run = CommandRun.of("skipped", "--source", Long.toString(mine), "--limit", "1", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.path("total_skipped").asInt()).isEqualTo(2);
        assertThat(result.path("videos")).hasSize(1);
        JsonNode video = result.path("videos").get(0);
        assertThat(video.path("title").asText()).isEqualTo("Mine A");
        assertThat(video.path("duration_seconds").isIntegralNumber()).isTrue();
        assertThat(video.path("duration_seconds").asLong()).isEqualTo(3725);
        assertThat(video.path("duration_formatted").asText()).isEqualTo("1:02:05");
        assertThat(video.path("skip_reason").asText()).isEqualTo("duration_exceeded");
        assertThat(result.path("breakdown"))
                .isEqualTo(new ObjectMapper().readTree("{\"duration_exceeded\": 1, \"unknown\": 1}"));
    }

    @Test
    void skippedShowsAQuestionMarkForAnUnknownDuration() {
        long source = rows.source("s");
        long post = rows.post(source, "p1", PostStatus.completed);
        rows.video(source, post, "m1", "No length", null, VideoStatus.skipped, "{}");

        CommandRun run = CommandRun.of("skipped");

        assertThat(run.out().lines().toList().get(1)).contains(" ? ", "No length");
    }

    @Test
    void skippedRefusesALimitOutOfRangeNamingTheOption() {
        for (String limit : new String[] {"0", "1001"}) {
            CommandRun run = CommandRun.of("skipped", "--limit", limit);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--limit=" + limit + ": must be between 1 and 1000");
            assertThat(run.out()).isEmpty();
        }
        assertThat(CommandRun.of("skipped", "--limit", "many").err()).contains("--limit");
    }

    @Test
    void processAnywayQueuesTheVideoAndItsMediaMarksItAndEnqueuesThePost() throws Exception {
        long source = rows.source("longvideos");
        long post = rows.post(source, "p1", PostStatus.completed);
        long media = rows.postMedia(post, 0, "m1", PostMediaStatus.skipped);
        long video = rows.video(source, post, "m1", "The long one", 3725, VideoStatus.skipped, LONG_SKIP);

        CommandRun run = CommandRun.of("process-anyway", Long.toString(video));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("video " + video, "1 post_media row(s) queued", "post " + post + " enqueued");
        var row = rows.dsl().selectFrom(VIDEOS).where(VIDEOS.ID.eq(video)).fetchOne();
        assertThat(row.getStatus()).isEqualTo(VideoStatus.queued);
        JsonNode extra = new ObjectMapper().readTree(row.getExtraMetadata().data());
        assertThat(extra.path("process_anyway").asBoolean()).isTrue();
        assertThat(extra.path("skip_reason").asText()).isEqualTo("duration_exceeded");
        assertThat(rows.dsl().fetchValue(POST_MEDIA.STATUS, POST_MEDIA.ID.eq(media)))
                .isEqualTo(PostMediaStatus.queued);
        assertThat(rows.dsl().fetchValue(POSTS.STATUS, POSTS.ID.eq(post))).isEqualTo(PostStatus.queued);
        var job =
                queue.take(Queues.PHASE2, "test-worker", Duration.ofSeconds(1)).orElseThrow();
        assertThat(JobCodec.payload(job.job(), JobTypes.ProcessPost.class)).isEqualTo(new JobTypes.ProcessPost(post));
    }

    @Test
    void processAnywayRefusesAnUnknownVideoAndOneThatIsNotSkipped() {
        long source = rows.source("s");
        long post = rows.post(source, "p1", PostStatus.completed);
        long done = rows.video(source, post, "m1", "Archived", 100, VideoStatus.completed, "{}");

        CommandRun unknown = CommandRun.of("process-anyway", "999999");
        CommandRun notSkipped = CommandRun.of("process-anyway", Long.toString(done));

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("process-anyway: no video with id 999999");
        assertThat(notSkipped.exitCode()).isEqualTo(1);
        assertThat(notSkipped.err()).contains("video " + done + " is completed, not skipped");
        assertThat(queue.counts(Queues.PHASE2).ready()).isZero();
        assertThat(rows.dsl().fetchValue(VIDEOS.STATUS, VIDEOS.ID.eq(done))).isEqualTo(VideoStatus.completed);
    }
}
