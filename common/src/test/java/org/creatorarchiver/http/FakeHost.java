package org.creatorarchiver.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A fake web host on 127.0.0.1 that answers scripted responses (then a default one) and records when each request
 * arrived. {@code hostName} is what URLs use, so two fakes can be two origins ({@code 127.0.0.1} vs {@code localhost}).
 */
final class FakeHost implements AutoCloseable {

    record Arrival(RecordedRequest request, Instant at) {
        String path() {
            return request.getUrl().encodedPath();
        }

        String header(String name) {
            return request.getHeaders().get(name);
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final String hostName;
    private final BlockingQueue<MockResponse> scripted = new LinkedBlockingQueue<>();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private volatile MockResponse fallback = json(200, "{\"data\":[]}");

    private FakeHost(String hostName) {
        this.hostName = hostName;
    }

    static FakeHost start(String hostName) throws IOException {
        FakeHost host = new FakeHost(hostName);
        host.server.setDispatcher(host.new Recorder());
        host.server.start(InetAddress.getByName("127.0.0.1"), 0);
        return host;
    }

    HttpUrl url(String pathAndQuery) {
        return new HttpUrl.Builder()
                .scheme("http")
                .host(hostName)
                .port(server.getPort())
                .build()
                .resolve(pathAndQuery);
    }

    HttpUrl base() {
        return url("/");
    }

    Origin origin() {
        return Origin.of(base());
    }

    void enqueue(MockResponse... responses) {
        scripted.addAll(List.of(responses));
    }

    void answerByDefault(MockResponse response) {
        fallback = response;
    }

    List<Arrival> arrivals() {
        List<Arrival> sorted = new ArrayList<>(arrivals);
        sorted.sort(Comparator.comparing(Arrival::at));
        return sorted;
    }

    int requestCount() {
        return arrivals.size();
    }

    @Override
    public void close() {
        server.close();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/vnd.api+json")
                .body(body)
                .build();
    }

    static MockResponse sample(int code, String resource, String contentType) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", contentType)
                .body(resource(resource))
                .build();
    }

    static String resource(String name) {
        try (InputStream in = FakeHost.class.getResourceAsStream("/patreon/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource /patreon/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Recorder extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            arrivals.add(new Arrival(request, Instant.now()));
            MockResponse next = scripted.poll();
            return next != null ? next : fallback;
        }

        /** MockWebServer asks before reading a request, for socket effects that apply at request start. */
        @Override
        public MockResponse peek() {
            MockResponse next = scripted.peek();
            return next != null ? next : fallback;
        }
    }
}
