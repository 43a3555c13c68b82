package org.creatorarchiver.orchestrator.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Reading the archive as a person does: from post to post with the keyboard, a creator's posts a page at a time, and
 * every page usable at a phone's width (nothing wider than the screen but the tables, which scroll on their own).
 */
class ReadingInBrowserTest {

    @RegisterExtension
    static final DashboardInBrowser WEB = new DashboardInBrowser();

    private final TestDashboard dashboard = WEB.dashboard();
    private final Browser browser = WEB.browser();

    private final DSLContext db = TestDatabase.migrated();
    private long sourceId;
    private final List<Long> newestFirst = new ArrayList<>();

    /** A creator with 35 posts, one a day: more than a page of the list (30). */
    @BeforeEach
    void aCreatorWithPosts() {
        browser.resize(1280, 900);
        sourceId = db.insertInto(SOURCES)
                .set(SOURCES.VANITY, "reader")
                .set(SOURCES.NAME, "The Reader")
                .returning(SOURCES.ID)
                .fetchSingle(SOURCES.ID);
        OffsetDateTime first = OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        for (int day = 0; day < 35; day++) {
            newestFirst.addFirst(post(day, first.plusDays(day)));
        }
    }

    @Test
    void theArrowKeysAndJAndKGoToTheOlderAndNewerPost() {
        long middle = newestFirst.get(10);
        browser.open(dashboard.url("/archive/posts/" + middle));
        assertThat(browser.text("main h1")).isEqualTo("Day 24");

        press(Keys.ARROW_RIGHT);
        browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/archive/posts/" + newestFirst.get(11)));
        assertThat(browser.text("main h1")).isEqualTo("Day 23");

        press("k");
        browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/archive/posts/" + middle));
        press(Keys.ARROW_LEFT);
        browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/archive/posts/" + newestFirst.get(9)));
        assertThat(browser.text("main h1")).isEqualTo("Day 25");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aCreatorsPostsComeNewestFirstThirtyAPageWithALinkToTheOlderOnes() {
        browser.open(dashboard.url("/archive/creators/" + sourceId));
        assertThat(rowsShown()).isEqualTo(30);
        assertThat(browser.text("tr[data-post] a")).isEqualTo("Day 34");

        browser.script("document.querySelector('a[rel=next]').click()");
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("page=2"));
        assertThat(rowsShown()).isEqualTo(5);
        assertThat(browser.text("tr[data-post] a")).isEqualTo("Day 4");
    }

    @Test
    void everyPageFitsAPhonesWidth() {
        browser.resize(390, 844);
        for (String path : List.of(
                "/",
                "/sources",
                "/skipped",
                "/dead",
                "/archive",
                "/archive/creators/" + sourceId,
                "/archive/posts/" + newestFirst.getFirst(),
                "/search?q=day")) {
            browser.open(dashboard.url(path));
            Object overflow = browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue())
                    .as("pixels wider than the phone on %s", path)
                    .isLessThanOrEqualTo(0);
        }
    }

    private long rowsShown() {
        return ((Number) browser.script("return document.querySelectorAll('tr[data-post]').length;")).longValue();
    }

    private void press(CharSequence key) {
        browser.waitUntil((WebDriver driver) -> {
            new Actions(driver).sendKeys(key).perform();
            return true;
        });
    }

    private long post(int day, OffsetDateTime publishedAt) {
        return db.insertInto(POSTS)
                .set(POSTS.SOURCE_ID, sourceId)
                .set(POSTS.EXTERNAL_ID, "9000" + day)
                .set(POSTS.TITLE, "Day " + day)
                .set(POSTS.PUBLISHED_AT, publishedAt)
                .set(POSTS.CONTENT_HTML, "<p>What happened on day " + day + ".</p>")
                .set(POSTS.CONTENT_TEXT, "What happened on day " + day + ".")
                .set(POSTS.STATUS, PostStatus.completed)
                .returning(POSTS.ID)
                .fetchSingle(POSTS.ID);
    }
}
