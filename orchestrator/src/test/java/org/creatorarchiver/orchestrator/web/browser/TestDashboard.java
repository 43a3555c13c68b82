package org.creatorarchiver.orchestrator.web.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.orchestrator.web.Dashboard;
import org.creatorarchiver.orchestrator.web.WebPages;
import org.creatorarchiver.orchestrator.web.WebServer;
import org.creatorarchiver.orchestrator.web.overview.Throughput;
import org.creatorarchiver.orchestrator.web.security.UiAccess;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;

/**
 * {@code serve}'s web server on a free loopback port over the test PostgreSQL and Redis: the JSON API and every page
 * of the dashboard, wired by {@link Dashboard} itself, plus any test-only pages. Also a plain HTTP client for it, for what needs no browser.
 */
final class TestDashboard implements AutoCloseable {

    private final WebServer server;
    private final Throughput throughput;
    private final HttpClient client = HttpClient.newHttpClient();

    private TestDashboard(WebServer server, Throughput throughput) {
        this.server = server;
        this.throughput = throughput;
    }

    /** With the media store at {@code mediaDir} (where {@code /files/<hash>} reads), and any test-only pages. */
    static TestDashboard start(UiAccess access, Path mediaDir, WebPages... testPages) {
        Clock clock = Clock.systemUTC();
        JobQueue queue = new JobQueue(TestServices.redisson(), clock);
        Throughput throughput = new Throughput(queue, clock).start();
        Dashboard dashboard = new Dashboard(
                queue,
                TestServices.redisson(),
                TestDatabase.migrated(),
                Settings.defaults(),
                clock,
                mediaDir,
                throughput);
        List<WebPages> pages = new ArrayList<>(dashboard.pages());
        pages.addAll(List.of(testPages));
        return new TestDashboard(WebServer.start("127.0.0.1", 0, access, dashboard.apiRoutes(), pages), throughput);
    }

    static TestDashboard start(UiAccess access, WebPages... testPages) {
        return start(access, Path.of("target", "no-media"), testPages);
    }

    static TestDashboard start() {
        return start(UiAccess.open());
    }

    int port() {
        return server.port();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** GET {@code path} with {@code headers} (name, value, name, value...). */
    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(request(path, headers).GET());
    }

    /** POST {@code path} with an empty form body and {@code headers} (name, value, name, value...). */
    HttpResponse<String> post(String path, String... headers) throws Exception {
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        return headers.length == 0 ? request : request.headers(headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
        throughput.close();
    }
}
