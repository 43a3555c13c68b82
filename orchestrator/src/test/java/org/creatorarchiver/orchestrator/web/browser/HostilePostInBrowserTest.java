package org.creatorarchiver.orchestrator.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.POSTS;

import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.orchestrator.ArchiveRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A post whose HTML (from Patreon, so untrusted) tries every usual way to run script in the dashboard: the page shows
 * its text and nothing of it runs, in a real browser.
 */
class HostilePostInBrowserTest {

    private static final String PARAGRAPH = "Thanks for supporting the show: here are this week's notes.";
    private static final String HOSTILE_TITLE = "<script>alert(5)</script>Episode 12";
    private static final String HOSTILE_HTML = """
            <script>alert(1)</script>
            <img src=x onerror="alert(2)">
            <a href="javascript:alert(3)">click</a>
            <svg onload=alert(4)></svg>
            <iframe src="https://evil.example/"></iframe>
            <p>%s</p>
            """.formatted(PARAGRAPH);

    /** Elements under {@code .post-text} that could run something: script, frames, SVG, handlers, script links. */
    private static final String DANGEROUS_ELEMENTS = """
            const text = document.querySelector('.post-text');
            return Array.from(text.querySelectorAll('*')).filter(element =>
                ['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'svg', 'SVG'].includes(element.tagName)
                || Array.from(element.attributes).some(attribute =>
                    attribute.name.toLowerCase().startsWith('on')
                    || /^\\s*(javascript|data|vbscript):/i.test(attribute.value))
            ).map(element => element.outerHTML);
            """;

    @RegisterExtension
    static final DashboardInBrowser WEB = new DashboardInBrowser();

    private final TestDashboard dashboard = WEB.dashboard();
    private final Browser browser = WEB.browser();

    private final ArchiveRows rows = new ArchiveRows();

    @Test
    void thePostsTextIsShownAndNothingInItRuns() throws Exception {
        long post = hostilePost();

        browser.open(dashboard.url("/archive/posts/" + post));
        // An injected handler or script would open its alert right away (onerror, onload) or soon after.
        Thread.sleep(1000);

        assertThat(browser.dismissDialog()).as("an alert opened by the post").isEmpty();
        assertThat(browser.text(".post-text")).contains(PARAGRAPH, "click");
        assertThat(browser.text("h1")).as("the title, as text").isEqualTo(HOSTILE_TITLE);
        assertThat(browser.script(DANGEROUS_ELEMENTS)).asList().isEmpty();
        assertThat(browser.script("return document.querySelectorAll('iframe, script:not([src])').length"))
                .as("frames and inline scripts anywhere on the page")
                .isEqualTo(0L);
        assertThat(browser.script("return document.querySelector('.post-text a').getAttribute('href')"))
                .as("the javascript: link keeps its text but loses its address")
                .isNull();
        browser.screenshot(DashboardInBrowser.FOLDER.resolve("hostile-post.png"));
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.dismissDialog()).isEmpty();
    }

    /** The check above would see an alert: one the test opens itself, after the page's load, is found. */
    @Test
    void anAlertThePageOpensIsSeen() throws Exception {
        browser.open(dashboard.url("/archive/posts/" + hostilePost()));

        browser.script("window.setTimeout(() => window.alert('opened by the test'), 200)");
        Thread.sleep(1000);

        assertThat(browser.dismissDialog()).hasValue("opened by the test");
        assertThat(browser.dismissDialog()).isEmpty();
    }

    private long hostilePost() {
        long source = rows.source("mischief");
        long post = rows.post(source, "p-hostile", PostStatus.completed);
        rows.dsl()
                .update(POSTS)
                .set(POSTS.TITLE, HOSTILE_TITLE)
                .set(POSTS.CONTENT_HTML, HOSTILE_HTML)
                .where(POSTS.ID.eq(post))
                .execute();
        return post;
    }
}
