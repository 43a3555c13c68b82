package org.creatorarchiver.orchestrator.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Saves what the browser showed when a test failed, as {@code target/browser/<class>.<test>-failed.png}: an
 * assertion on a page says what was wrong, the picture says why.
 */
final class ScreenshotOnFailure implements TestWatcher {

    static final Path FOLDER = Path.of("target", "browser");

    private final Supplier<Browser> browser;

    ScreenshotOnFailure(Supplier<Browser> browser) {
        this.browser = browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser current = browser.get();
        if (current == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
        try {
            current.screenshot(FOLDER.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + "-failed.png"));
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e instanceof IOException io ? new UncheckedIOException(io) : e);
        }
    }
}
