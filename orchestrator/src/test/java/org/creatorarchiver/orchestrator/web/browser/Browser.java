package org.creatorarchiver.orchestrator.web.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven through Debian's chromedriver (both from {@code bin/ensure-tools}). Both paths are
 * given to Selenium, so its Selenium Manager never downloads a browser or a driver: the tests run offline and on the
 * same browser build every time.
 */
final class Browser implements AutoCloseable {

    /** How long a condition may take: the overview refreshes every 3 s, so this allows a few refreshes. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    /**
     * Selenium looks for a DevTools binding matching this chromium at start-up and warns when it has none; these tests
     * use no DevTools, so the warning is noise. Held here because java.util.logging keeps loggers only weakly.
     */
    private static final Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts the browser; skips the test when chromium is missing, fails it under CI (as TestServices does). */
    static Browser start() {
        Path chromedriver = installed("chromedriver");
        Path chromium = installed("chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options(chromium)));
    }

    private static ChromeOptions options(Path chromium) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        // The page's console (CSP violations, failed loads, script errors) read back through chromedriver.
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        return options;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Resizes the window (a phone's width, or a tall one for a whole page's screenshot). */
    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Waits up to {@link #PATIENCE} until {@code condition} answers true or non-null, and returns that answer. */
    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /**
     * The text the page shows now in the first element {@code css} selects (null: none), read in one step inside the
     * page: htmx may swap the element out between finding it and reading it through WebDriver.
     */
    String text(String css) {
        Object text = driver.executeScript(
                "const element = document.querySelector(arguments[0]); return element && element.innerText;", css);
        return text == null ? null : text.toString().strip();
    }

    /** Clicks the first element {@code css} selects, as a user would (a submit button submits its form). */
    void click(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    /** The address the window shows now (after any redirect). */
    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Closes the alert, confirm or prompt dialog the page has open now, if any, and answers its text. */
    Optional<String> dismissDialog() {
        try {
            Alert dialog = driver.switchTo().alert();
            String text = dialog.getText();
            dialog.dismiss();
            return Optional.of(text);
        } catch (NoAlertPresentException e) {
            return Optional.empty();
        }
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Runs {@code script} in the page (WebDriver's own channel, which the page's CSP does not govern). */
    Object script(String script) {
        return driver.executeScript(script);
    }

    /** The console messages logged since the last call (chromedriver hands each one over once). */
    List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** The console's errors since the last call: CSP refusals, failed loads and script errors are all SEVERE. */
    List<String> consoleErrors() {
        return console().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Saves what the window shows now as a PNG at {@code file}, creating its folder. */
    Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** {@code /usr/bin/<command>} where Debian puts it, else the first {@code <command>} on the PATH. */
    private static Path installed(String command) {
        Optional<Path> found = Stream.concat(Stream.of("/usr/bin"), pathFolders())
                .map(folder -> Path.of(folder, command))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            unavailable(command + " is not installed: run bin/ensure-tools (Debian's chromium and chromium-driver)");
        }
        return found.orElseThrow();
    }

    private static Stream<String> pathFolders() {
        String path = System.getenv("PATH");
        return path == null ? Stream.empty() : Stream.of(path.split(File.pathSeparator));
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static void unavailable(String message) {
        if (System.getenv("CI") != null) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }
}
