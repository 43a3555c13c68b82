package org.creatorarchiver.orchestrator.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.QueueCounts;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.queue.TakenJob;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /dead} in a real browser: a dead job is listed with its last error, and its Retry button (or the queue's
 * Retry all) puts it back on the ready list through a plain form POST carrying the CSRF field.
 */
class DeadJobsInBrowserTest {

    private static final String WORKER = "browser-test-worker";

    @RegisterExtension
    static final DashboardInBrowser WEB = new DashboardInBrowser();

    private final TestDashboard dashboard = WEB.dashboard();
    private final Browser browser = WEB.browser();

    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());

    @Test
    void retryPutsTheJobBackOnItsReadyList() throws Exception {
        String job = deadDownload(41, "HTTP 403 from the CDN: the session cookie expired");
        String row = row(job);

        browser.open(dashboard.url("/dead"));
        assertThat(browser.text("h1")).isEqualTo("Dead jobs");
        assertThat(browser.text("section[data-queue='media'] h2")).isEqualTo("media 1 dead");
        assertThat(browser.text(row + " td.error")).isEqualTo("HTTP 403 from the CDN: the session cookie expired");
        assertThat(browser.text(row)).contains(JobTypes.DOWNLOAD_MEDIA.type());

        browser.click(row + " button[type=submit]");

        browser.waitUntil(page -> browser.currentUrl().contains("retried="));
        assertThat(browser.has(row)).as("the row after the redirect").isFalse();
        assertThat(browser.text("p.notice")).isEqualTo("1 job(s) of media moved back to ready.");
        assertThat(browser.text("section[data-queue='media'] p.empty")).isEqualTo("No dead job in media.");
        browser.screenshot(DashboardInBrowser.FOLDER.resolve("dead-after-retry.png"));
        assertThat(browser.consoleErrors()).isEmpty();
        QueueCounts media = queue.counts(Queues.MEDIA);
        assertThat(media.ready()).isEqualTo(1);
        assertThat(media.dead()).isZero();
        assertThat(queue.take(Queues.MEDIA, WORKER, Duration.ofSeconds(1))).hasValueSatisfying(taken -> {
            assertThat(taken.job().id()).isEqualTo(job);
            assertThat(taken.job().attempt()).as("attempts reset").isZero();
        });
    }

    @Test
    void retryAllMovesEveryDeadJobOfTheQueueAndNoOther() throws Exception {
        String first = deadDownload(1, "first failure");
        String second = deadDownload(2, "second failure");
        queue.enqueue(JobTypes.SYNC_CREATOR, new JobTypes.SyncCreator(7, false));
        String otherQueue = deadLetter(Queues.PHASE1, "the creator page answered 404");

        browser.open(dashboard.url("/dead"));
        assertThat(browser.has(row(first))).isTrue();
        assertThat(browser.has(row(second))).isTrue();
        assertThat(browser.text("section[data-queue='media'] button")).isEqualTo("Retry all 2");

        browser.click("section[data-queue='media'] form[action='/dead/media/retry-all'] button[type=submit]");

        browser.waitUntil(page -> browser.currentUrl().contains("retried="));
        assertThat(browser.text("p.notice")).isEqualTo("2 job(s) of media moved back to ready.");
        assertThat(browser.has(row(first))).isFalse();
        assertThat(browser.has(row(second))).isFalse();
        assertThat(browser.has(row(otherQueue)))
                .as("phase1's dead job is still listed")
                .isTrue();
        browser.screenshot(DashboardInBrowser.FOLDER.resolve("dead-after-retry-all.png"));
        assertThat(browser.consoleErrors()).isEmpty();
        QueueCounts media = queue.counts(Queues.MEDIA);
        assertThat(media.ready()).isEqualTo(2);
        assertThat(media.dead()).isZero();
        QueueCounts phase1 = queue.counts(Queues.PHASE1);
        assertThat(phase1.ready()).isZero();
        assertThat(phase1.dead()).isEqualTo(1);
    }

    @Test
    void aRetryFromAStalePageSaysNothingWasRetried() throws Exception {
        String error = "<script>alert(1)</script> yt-dlp: <b>HTTP Error 410</b>";
        String job = deadDownload(5, error);
        browser.open(dashboard.url("/dead"));
        assertThat(browser.text(row(job) + " td.error"))
                .as("an error is text, never markup")
                .isEqualTo(error);
        assertThat(browser.has(row(job) + " td.error script, " + row(job) + " td.error b"))
                .isFalse();
        // Meanwhile the CLI's retry-dead puts it back.
        assertThat(queue.retryDeadJob(Queues.MEDIA, job)).isTrue();

        browser.click(row(job) + " button[type=submit]");

        browser.waitUntil(page -> browser.currentUrl().contains("retried="));
        assertThat(browser.text("p.notice"))
                .isEqualTo("Nothing was retried in media: no such job was left on its dead list.");
        assertThat(browser.has(row(job))).isFalse();
        browser.screenshot(DashboardInBrowser.FOLDER.resolve("dead-stale-retry.png"));
        assertThat(browser.dismissDialog()).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(queue.counts(Queues.MEDIA).ready()).isEqualTo(1);
    }

    /** A download job of {@code postMediaId} on the media queue's dead list with {@code error}; returns its id. */
    private String deadDownload(long postMediaId, String error) {
        queue.enqueue(JobTypes.DOWNLOAD_MEDIA, new JobTypes.DownloadMedia(postMediaId));
        return deadLetter(Queues.MEDIA, error);
    }

    /** Takes the next job of {@code queueName} as a worker would and dead-letters it; returns its id. */
    private String deadLetter(String queueName, String error) {
        TakenJob taken = queue.take(queueName, WORKER, Duration.ofSeconds(1)).orElseThrow();
        assertThat(queue.deadLetter(taken, error)).isTrue();
        return taken.job().id();
    }

    private static String row(String jobId) {
        return "tr[data-job='" + jobId + "']";
    }
}
