package org.creatorarchiver.orchestrator.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.Queues;
import org.creatorarchiver.queue.TakenJob;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The overview in a real browser: the queue counts a user watches, kept current by htmx, with a clean console. */
class OverviewInBrowserTest {

    private static final String WORKER = "browser-test-worker";

    @RegisterExtension
    static final DashboardInBrowser WEB = new DashboardInBrowser();

    private final TestDashboard dashboard = WEB.dashboard();
    private final Browser browser = WEB.browser();

    private final JobQueue queue = new JobQueue(TestServices.redisson(), Clock.systemUTC());

    @Test
    void theQueueCountsFollowTheWorkersWithoutAReload() throws Exception {
        enqueueSyncs(5);
        browser.open(dashboard.url("/"));
        assertThat(shown(Queues.PHASE1, "ready")).isEqualTo("5");
        assertThat(shown(Queues.PHASE1, "processing")).isEqualTo("0");
        // A reload would drop this mark: its staying proves the counts below came from htmx's refresh.
        browser.script("window.sameDocument = true");

        TakenJob finished = takeAJob();
        queue.ack(finished);
        takeAJob();

        browser.waitUntil(page -> "3".equals(shown(Queues.PHASE1, "ready")));
        assertThat(shown(Queues.PHASE1, "processing")).isEqualTo("1");
        assertThat(browser.script("return window.sameDocument === true")).isEqualTo(true);
        browser.screenshot(DashboardInBrowser.FOLDER.resolve("overview-after-refresh.png"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theScriptsLoadAndTheThroughputChartIsDrawn() {
        browser.open(dashboard.url("/"));

        browser.waitUntil(page -> browser.has("#throughput .uplot canvas"));
        assertThat(browser.script("return typeof htmx")).isEqualTo("object");
        assertThat(browser.text("h1")).isEqualTo("Overview");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private void enqueueSyncs(int count) {
        for (int source = 1; source <= count; source++) {
            queue.enqueue(JobTypes.SYNC_CREATOR, new JobTypes.SyncCreator(source, false));
        }
    }

    private TakenJob takeAJob() {
        return queue.take(Queues.PHASE1, WORKER, Duration.ofSeconds(1)).orElseThrow();
    }

    /** The number the page shows in {@code queue}'s row under {@code state} (ready, delayed, processing, dead). */
    private String shown(String queue, String state) {
        return browser.text("tr[data-queue='" + queue + "'] td[data-state='" + state + "']");
    }
}
