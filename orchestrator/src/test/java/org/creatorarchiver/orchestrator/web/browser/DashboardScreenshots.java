package org.creatorarchiver.orchestrator.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The README's screenshots: every page of a running dashboard (the demo's, started by {@code bin/screenshots}) saved
 * under {@code docs/screenshots/}. Runs only when {@code SCREENSHOT_DASHBOARD_URL} names that dashboard, so the suite
 * never depends on a demo being up; each page must show its heading and log no console error.
 */
@EnabledIfEnvironmentVariable(named = "SCREENSHOT_DASHBOARD_URL", matches = "https?://.+")
class DashboardScreenshots {

    @Test
    void everyPageOfTheDemoIsSaved() throws Exception {
        String base = System.getenv("SCREENSHOT_DASHBOARD_URL").replaceAll("/+$", "");
        Path folder = Path.of(System.getenv().getOrDefault("SCREENSHOT_DIR", "../docs/screenshots"));
        try (Browser browser = Browser.start()) {
            browser.resize(1280, 1500);
            for (Map.Entry<String, String> page : pages().entrySet()) {
                browser.open(base + page.getValue());
                assertThat(browser.has("main h1"))
                        .as("%s has its heading", page.getValue())
                        .isTrue();
                // The overview's chart and the players load after the page: give them a moment to draw.
                Thread.sleep(1500);
                browser.screenshot(folder.resolve(page.getKey() + ".png"));
                assertThat(browser.consoleErrors())
                        .as("console of %s", page.getValue())
                        .isEmpty();
            }
        }
    }

    private static Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/");
        pages.put("sources", "/sources");
        pages.put("skipped", "/skipped");
        pages.put("dead", "/dead");
        pages.put("creator", "/archive/creators/" + System.getenv().getOrDefault("SCREENSHOT_SOURCE_ID", "1"));
        pages.put("post", "/archive/posts/" + System.getenv().getOrDefault("SCREENSHOT_POST_ID", "1"));
        pages.put("search", "/search?q=" + System.getenv().getOrDefault("SCREENSHOT_QUERY", "thunder"));
        return pages;
    }
}
