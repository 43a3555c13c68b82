package org.creatorarchiver.orchestrator.web.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.orchestrator.api.ApiRoutes;
import org.creatorarchiver.orchestrator.status.SystemStatusReader;
import org.creatorarchiver.orchestrator.web.WebPages;
import org.creatorarchiver.orchestrator.web.WebServer;
import org.creatorarchiver.orchestrator.web.overview.OverviewPages;
import org.creatorarchiver.orchestrator.web.overview.Throughput;
import org.creatorarchiver.orchestrator.web.security.UiAccess;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.queue.QueueInspector;
import org.creatorarchiver.redis.BlockingRedis;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;
import org.jooq.DSLContext;

/**
 * {@code serve}'s web server on a free loopback port over the test PostgreSQL and Redis: the JSON API and the
 * dashboard's pages, assembled as {@code Dashboard} assembles them from a running process (which a test does not
 * have), plus any test-only pages. Also a plain HTTP client for it, for what needs no browser.
 */
final class TestDashboard implements AutoCloseable {

    private final WebServer server;
    private final Throughput throughput;
    private final HttpClient client = HttpClient.newHttpClient();

    private TestDashboard(WebServer server, Throughput throughput) {
        this.server = server;
        this.throughput = throughput;
    }

    static TestDashboard start(UiAccess access, WebPages... testPages) {
        Clock clock = Clock.systemUTC();
        JobQueue queue = new JobQueue(TestServices.redisson(), clock);
        DSLContext dsl = TestDatabase.migrated();
        Settings settings = Settings.defaults();
        Throughput throughput = new Throughput(queue, clock).start();
        QueueInspector queues = new QueueInspector(BlockingRedis.of(TestServices.redisson()));
        SystemStatusReader status = new SystemStatusReader(queues, dsl, settings.budget(), clock);
        List<WebPages> pages = new ArrayList<>(List.of(new OverviewPages(status, queues, throughput, clock)));
        pages.addAll(List.of(testPages));
        var api = new ApiRoutes(queue, TestServices.redisson(), dsl, settings, clock).routes();
        return new TestDashboard(WebServer.start("127.0.0.1", 0, access, api, pages), throughput);
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
