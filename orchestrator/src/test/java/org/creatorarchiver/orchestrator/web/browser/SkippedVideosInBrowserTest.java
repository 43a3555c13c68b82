package org.creatorarchiver.orchestrator.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.time.Clock;
import java.util.List;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.orchestrator.ArchiveRows;
import org.creatorarchiver.orchestrator.videos.ProcessAnyway;
import org.creatorarchiver.queue.Job;
import org.creatorarchiver.queue.JobCodec;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /skipped} in a real browser: a video over the duration limit is listed, and its "Process anyway" button (a
 * plain form POST carrying the CSRF field) queues its post again and takes it off the list.
 */
class SkippedVideosInBrowserTest {

    private static final String HOSTILE_TITLE = "<img src=x onerror=alert(1)> A title";

    @RegisterExtension
    static final DashboardInBrowser WEB = new DashboardInBrowser();

    private final TestDashboard dashboard = WEB.dashboard();
    private final Browser browser = WEB.browser();

    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());
    private final ArchiveRows rows = new ArchiveRows();

    @Test
    void processAnywayQueuesThePostAgainAndTakesTheVideoOffTheList() throws Exception {
        long source = rows.source("longtalks");
        long post = rows.post(source, "p-long", PostStatus.completed);
        rows.postMedia(post, 0, "m-long", PostMediaStatus.skipped);
        long video = rows.video(source, post, "m-long", "A three-hour stream", 10_800, VideoStatus.skipped, """
                {"skip_reason": "duration_exceeded", "max_allowed_seconds": 2159,
                 "actual_duration_seconds": 10800.4, "skipped_at": "2026-11-20T10:00:00Z"}""");
        String row = "tr[data-video='" + video + "']";

        browser.open(dashboard.url("/skipped"));
        assertThat(browser.text("h1")).isEqualTo("Skipped videos");
        assertThat(browser.text(row)).contains("A three-hour stream", "3:00:00", "duration_exceeded");
        assertThat(browser.script("return document.querySelector(\"" + row + " input[name=_csrf]\").value.length"))
                .as("the form carries the CSRF token")
                .isEqualTo(43L);

        browser.click(row + " button[type=submit]");

        browser.waitUntil(page -> browser.currentUrl().contains("processed=" + video));
        assertThat(browser.has(row)).as("the row after the redirect").isFalse();
        assertThat(browser.text("p.notice"))
                .isEqualTo("Video " + video + " will be processed anyway: its post is queued again.");
        assertThat(browser.text("p.empty")).startsWith("No video is skipped.");
        browser.screenshot(DashboardInBrowser.FOLDER.resolve("skipped-after-process-anyway.png"));
        assertThat(browser.consoleErrors()).isEmpty();

        var db = rows.dsl();
        assertThat(db.select(POSTS.STATUS).from(POSTS).where(POSTS.ID.eq(post)).fetchOne(POSTS.STATUS))
                .isEqualTo(PostStatus.queued);
        assertThat(db.select(VIDEOS.STATUS)
                        .from(VIDEOS)
                        .where(VIDEOS.ID.eq(video))
                        .fetchOne(VIDEOS.STATUS))
                .isEqualTo(VideoStatus.queued);
        assertThat(db.select(POST_MEDIA.STATUS)
                        .from(POST_MEDIA)
                        .where(POST_MEDIA.POST_ID.eq(post))
                        .fetchOne(POST_MEDIA.STATUS))
                .isEqualTo(PostMediaStatus.queued);
        assertThat(queue.counts(Queues.PHASE2).ready()).isEqualTo(1);
        List<Job> held = queue.heldJobs(Queues.PHASE2);
        assertThat(held).singleElement().satisfies(job -> {
            assertThat(job.type()).isEqualTo(JobTypes.PROCESS_POST.type());
            assertThat(JobCodec.payload(job, JobTypes.ProcessPost.class)).isEqualTo(new JobTypes.ProcessPost(post));
        });
    }

    @Test
    void aStalePagesProcessAnywayIsRefusedAndQueuesNothingMore() throws Exception {
        long source = rows.source("longtalks");
        long post = rows.post(source, "p-stale", PostStatus.completed);
        rows.postMedia(post, 0, "m-stale", PostMediaStatus.skipped);
        long video = rows.video(source, post, "m-stale", HOSTILE_TITLE, 7_200, VideoStatus.skipped, """
                {"skip_reason": "duration_exceeded", "skipped_at": "2026-11-21T10:00:00Z"}""");
        String row = "tr[data-video='" + video + "']";
        browser.open(dashboard.url("/skipped"));
        assertThat(browser.text(row + " td a"))
                .as("a title is text, never markup")
                .isEqualTo(HOSTILE_TITLE);
        // Meanwhile the CLI's process-anyway lets the video through.
        new ProcessAnyway(rows.dsl(), queue).apply(video);

        browser.click(row + " button[type=submit]");

        browser.waitUntil(page -> browser.has("p.error"));
        assertThat(browser.text("p.error"))
                .isEqualTo("video " + video + " is queued, not skipped: nothing to process anyway");
        browser.screenshot(DashboardInBrowser.FOLDER.resolve("skipped-refused.png"));
        assertThat(browser.dismissDialog()).isEmpty();
        assertThat(queue.counts(Queues.PHASE2).ready()).as("only the CLI's job").isEqualTo(1);
    }
}
