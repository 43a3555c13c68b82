package org.creatorarchiver.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.Database;
import org.creatorarchiver.orchestrator.api.ApiRoutes;
import org.creatorarchiver.orchestrator.web.WebServer;
import org.creatorarchiver.orchestrator.web.security.UiAccess;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.testing.TestServices;

/** The HTTP API on a free local port over the test PostgreSQL and Redis, and a client for it. */
public final class TestApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    private TestApi(WebServer server) {
        this.server = server;
    }

    /** The API with {@code settings}, telling the time by {@code clock}. */
    public static TestApi start(Settings settings, Clock clock) throws Exception {
        ApiRoutes routes = new ApiRoutes(
                new JobQueue(TestServices.redisson(), clock),
                TestServices.redisson(),
                Database.dsl(TestDatabase.dataSource()),
                settings,
                clock);
        return new TestApi(WebServer.start("127.0.0.1", 0, UiAccess.open(), routes.routes(), java.util.List.of()));
    }

    public static TestApi start() throws Exception {
        return start(Settings.defaults(), Clock.systemUTC());
    }

    /** GET {@code pathAndQuery} (already URL-encoded). */
    public HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON body of a GET that must answer {@code status}. */
    public JsonNode json(String pathAndQuery, int status) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != status) {
            throw new AssertionError("GET " + pathAndQuery + ": expected " + status + ", got " + response.statusCode()
                    + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public JsonNode json(String pathAndQuery) throws Exception {
        return json(pathAndQuery, 200);
    }

    @Override
    public void close() {
        server.close();
    }
}
