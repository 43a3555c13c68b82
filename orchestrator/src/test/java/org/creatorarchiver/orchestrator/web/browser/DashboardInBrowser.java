package org.creatorarchiver.orchestrator.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.creatorarchiver.orchestrator.web.security.UiAccess;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What a browser test of the dashboard stands on: the real dashboard ({@link TestDashboard}) and one headless
 * chromium for the test class; before each test an empty archive, empty queues and a drained console; and, when a
 * test fails, what the browser showed, as {@code target/browser/<class>.<test>-failed.png} (an assertion on a page
 * says what was wrong, the picture says why). Register it as a static field; a test reads {@link #browser()} and
 * {@link #dashboard()} into its own fields.
 */
final class DashboardInBrowser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {

    static final Path FOLDER = Path.of("target", "browser");

    private final Supplier<Path> mediaDir;
    private TestDashboard dashboard;
    private Browser browser;

    /** The dashboard reads stored files from {@code mediaDir}, asked for when the class starts. */
    DashboardInBrowser(Supplier<Path> mediaDir) {
        this.mediaDir = mediaDir;
    }

    DashboardInBrowser() {
        this(() -> Path.of("target", "no-media"));
    }

    Browser browser() {
        return browser;
    }

    TestDashboard dashboard() {
        return dashboard;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TestServices.flushRedis();
        dashboard = TestDashboard.start(UiAccess.open(), mediaDir.get());
        browser = Browser.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestDatabase.truncateAll();
        TestServices.flushRedis();
        browser.console();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (browser == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
        try {
            browser.screenshot(FOLDER.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + "-failed.png"));
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e instanceof IOException io ? new UncheckedIOException(io) : e);
        }
    }
}
