package org.creatorarchiver.testing.patreon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.creatorarchiver.http.HttpClientSettings;

/**
 * A fake Patreon on 127.0.0.1 built from the sample responses (patreon-api.md 6): creator pages in both page
 * generations (behind the live site's 307 redirects), {@code /api/search}, {@code /api/campaigns/{id}},
 * {@code /api/user/{id}}, {@code /api/posts} paged by {@code links.next} with opaque cursors, and collections
 * ({@code /api/collection?filter[campaign_id]=}, {@code /api/collection/{id}}, a collection's posts by
 * {@code filter[collection_id]} in collection order). Switches model
 * what goes wrong on the real site: a middle page without {@code meta}, expired cursors, a broken search, session
 * and user-agent refusals, Cloudflare, latency, and one-shot scripted answers (429, 500, malformed JSON).
 */
public final class FakePatreon implements AutoCloseable {

    public enum PageStyle {
        NEXT_DATA,
        NEXTJS13
    }

    public enum Refusal {
        NONE,
        UNAUTHORIZED,
        UPGRADE_REQUIRED,
        CLOUDFLARE
    }

    private record Scripted(Predicate<RecordedRequest> when, MockResponse response) {}

    private static final String SAMPLE_VANITY = "skyforge";
    private static final String SAMPLE_CAMPAIGN = "4815162";
    private static final String SAMPLE_USER = "90011223";
    private static final Pattern CURSOR_POSITION = Pattern.compile(".*\"c\":\"(\\d{1,9})\".*");

    private final MockWebServer server = new MockWebServer();
    private final Map<String, FakeCreator> creatorsByVanity = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<RecordedRequest, Instant> arrivals = new ConcurrentHashMap<>();
    private final List<Scripted> scripted = new CopyOnWriteArrayList<>();
    private final Set<Integer> pagesWithoutMeta = ConcurrentHashMap.newKeySet();
    private volatile int pageSize = 20;
    private volatile int collectionPageSize = 20;
    private volatile PageStyle pageStyle = PageStyle.NEXT_DATA;
    private volatile boolean searchWorks = true;
    /** Cursors carry the generation that issued them; {@link #expireCursors()} starts a new one. */
    private volatile int cursorGeneration;

    private volatile Refusal refusal = Refusal.NONE;
    private volatile double tooManyRequestsRate;
    private volatile double serverErrorRate;
    private final java.util.Random flakiness = new java.util.Random(42);
    private volatile Duration latency = Duration.ZERO;
    private volatile Path muxDirectory;
    private volatile Path videoDirectory;
    private final FakeCdn cdn = new FakeCdn();
    private static final String CDN_PATH = "cdn";
    private static final String MUX_PATH = "mux";
    private static final String WATCH_PATH = "watch";
    private static final String VIDEOS_PATH = "videos";
    private static final String WATCH_PAGE = TestVideos.watchPage("/" + VIDEOS_PATH + "/");

    private FakePatreon() {}

    public static FakePatreon start() {
        return start(0);
    }

    /** @param port the port on 127.0.0.1, 0 for any free one */
    public static FakePatreon start(int port) {
        FakePatreon fake = new FakePatreon();
        fake.server.setDispatcher(fake.new Router());
        fake.server.setServerSocketFactory(new NoDelayServerSocketFactory());
        try {
            fake.server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fake;
    }

    /** What {@code PATREON_BASE_URL} points at. */
    public HttpUrl baseUrl() {
        return new HttpUrl.Builder()
                .scheme("http")
                .host("127.0.0.1")
                .port(server.getPort())
                .build();
    }

    /** Client settings for this fake as a worker would have them, tuned so that short retries take milliseconds. */
    public HttpClientSettings clientSettings() {
        return new HttpClientSettings(
                baseUrl(),
                "sess-123",
                "creator-archiver-tests/1.0",
                Duration.ofSeconds(10),
                100,
                1,
                Duration.ofMillis(10),
                Duration.ofSeconds(5));
    }

    public FakeCreator addCreator(String vanity, String campaignId, String userId) {
        FakeCreator creator = new FakeCreator(vanity, campaignId, userId);
        creatorsByVanity.put(vanity.toLowerCase(Locale.ROOT), creator);
        return creator;
    }

    public FakePatreon pageSize(int posts) {
        this.pageSize = posts;
        return this;
    }

    /** Collections per page of {@code /api/collection?filter[campaign_id]=...} (Patreon's own size is unknown). */
    public FakePatreon collectionPageSize(int collections) {
        this.collectionPageSize = collections;
        return this;
    }

    /** Page {@code number} (1-based) comes without {@code meta}, as Patreon's pages do since 2026-06. */
    public FakePatreon omitMetaOnPage(int number) {
        pagesWithoutMeta.add(number);
        return this;
    }

    public FakePatreon pageStyle(PageStyle style) {
        this.pageStyle = style;
        return this;
    }

    /** When false, {@code /api/search} answers 404 (an endpoint that went away), so resolution needs the page. */
    public FakePatreon searchWorks(boolean works) {
        this.searchWorks = works;
        return this;
    }

    /**
     * Every page cursor issued so far expires (Patreon's next links live about 30 minutes): 400 "Expired" on them.
     * Pages served afterwards carry fresh cursors.
     */
    public FakePatreon expireCursors() {
        cursorGeneration++;
        return this;
    }

    /**
     * A share of API requests answered 429 ({@code Retry-After: 1}) and another share 500, drawn from a seeded
     * random sequence, as a busy Patreon does.
     */
    public FakePatreon flaky(double tooManyRequests, double serverErrors) {
        if (tooManyRequests < 0 || serverErrors < 0 || tooManyRequests + serverErrors > 1) {
            throw new IllegalArgumentException(
                    "rates must be between 0 and 1 together, got " + tooManyRequests + " and " + serverErrors);
        }
        this.tooManyRequestsRate = tooManyRequests;
        this.serverErrorRate = serverErrors;
        return this;
    }

    public FakePatreon refuse(Refusal refusal) {
        this.refusal = refusal;
        return this;
    }

    /** Delay before every answer, as a distant server has. */
    public FakePatreon latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** The next request matching {@code when} gets {@code response} instead (each scripted answer is used once). */
    public FakePatreon script(Predicate<RecordedRequest> when, MockResponse response) {
        scripted.add(new Scripted(when, response));
        return this;
    }

    /** The fake CDN serving every {@code c10.patreonusercontent.com} file the posts point at. */
    public FakeCdn cdn() {
        return cdn;
    }

    /**
     * Serves a Mux-like HLS stream from {@code directory} (its plain playlist, or its captioned one, for any playback
     * id; other files by name), only to requests with {@code Referer: https://www.patreon.com/}, as Mux does for
     * Patreon.
     */
    public FakePatreon muxDirectory(Path directory) {
        this.muxDirectory = directory;
        return this;
    }

    /**
     * Stands in for YouTube and Mux with the {@link TestVideos} in {@code directory}: YouTube watch links in the
     * answers point at this fake's {@code /watch?v=<id>}, an HTML5 page playing {@code clip.mp4} with English and
     * Spanish subtitle tracks (for any id), and the Mux host serves {@code mux/} as {@link #muxDirectory} does.
     */
    public FakePatreon videoSite(Path directory) {
        this.videoDirectory = directory.toAbsolutePath();
        return muxDirectory(videoDirectory.resolve(TestVideos.MUX));
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests whose path starts with {@code pathPrefix}. */
    public List<RecordedRequest> requests(String pathPrefix) {
        return requests.stream()
                .filter(r -> r.getUrl().encodedPath().startsWith(pathPrefix))
                .toList();
    }

    /** When the fake received {@code request}. */
    public Instant arrivedAt(RecordedRequest request) {
        return arrivals.get(request);
    }

    public void clearRequests() {
        requests.clear();
        arrivals.clear();
    }

    // ---- matchers and answers for scripts

    /** A posts listing request for page {@code number} (1-based), judged by its cursor. */
    public static Predicate<RecordedRequest> postsPage(int number, int pageSize) {
        return request -> request.getUrl().encodedPath().equals("/api/posts")
                && offset(request.getUrl()) == (number - 1) * pageSize;
    }

    /** A request for page {@code number} (1-based) of a campaign's collections list, judged by its cursor. */
    public static Predicate<RecordedRequest> collectionsPage(int number, int pageSize) {
        return request -> request.getUrl().encodedPath().equals("/api/collection")
                && offset(request.getUrl()) == (number - 1) * pageSize;
    }

    /** A request for one collection's own page, {@code /api/collection/{id}}. */
    public static Predicate<RecordedRequest> collectionPage(String collectionId) {
        return request -> request.getUrl().encodedPath().equals("/api/collection/" + collectionId);
    }

    /** A request for the posts of one collection ({@code /api/posts?filter[collection_id]=...}), any page. */
    public static Predicate<RecordedRequest> collectionPosts(String collectionId) {
        return request -> request.getUrl().encodedPath().equals("/api/posts")
                && collectionId.equals(request.getUrl().queryParameter("filter[collection_id]"));
    }

    /** The fake's own media hosts stand in for Patreon's CDN and Mux in every answer. */
    private MockResponse localMedia(MockResponse jsonAnswer, String body) {
        String local = body.replace("https://c10.patreonusercontent.com/", baseUrl() + CDN_PATH + "/")
                .replace("https://stream.mux.com/", baseUrl() + MUX_PATH + "/");
        if (videoDirectory != null) {
            local = local.replace("https://www.youtube.com/watch?v=", baseUrl() + WATCH_PATH + "?v=");
        }
        return json(jsonAnswer.getCode(), local);
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/vnd.api+json")
                .body(body)
                .build();
    }

    public static MockResponse tooManyRequests(int retryAfterSeconds) {
        return new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .body("rate limited")
                .build();
    }

    public static MockResponse serverError() {
        return new MockResponse.Builder().code(500).body("internal error").build();
    }

    /** A 200 whose JSON is cut off in the middle. */
    public static MockResponse truncatedJson() {
        return json(200, "{\"data\": [{\"id\": \"1\", \"type\": \"post\", \"attributes\": {\"title\": \"cut");
    }

    @Override
    public void close() {
        server.close();
    }

    private final class Router extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            arrivals.put(request, Instant.now());
            requests.add(request);
            pause();
            for (Scripted script : scripted) {
                if (script.when().test(request) && scripted.remove(script)) {
                    return script.response();
                }
            }
            Optional<MockResponse> refused = refused(request);
            if (refused.isPresent()) {
                return refused.get();
            }
            Optional<MockResponse> flaky = flaky(request);
            if (flaky.isPresent()) {
                return flaky.get();
            }
            HttpUrl url = request.getUrl();
            List<String> segments =
                    url.pathSegments().stream().filter(s -> !s.isEmpty()).toList();
            if (!segments.isEmpty() && segments.get(0).equals("api")) {
                return api(url, segments);
            }
            if (!segments.isEmpty() && segments.get(0).equals(CDN_PATH)) {
                return cdn.serve(url);
            }
            if (!segments.isEmpty() && segments.get(0).equals(MUX_PATH)) {
                return mux(request, segments);
            }
            if (videoDirectory != null
                    && segments.size() == 1
                    && segments.get(0).equals(WATCH_PATH)) {
                return new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "text/html; charset=utf-8")
                        .body(WATCH_PAGE)
                        .build();
            }
            if (videoDirectory != null
                    && segments.size() == 2
                    && segments.get(0).equals(VIDEOS_PATH)) {
                return fileIn(videoDirectory, segments.get(1));
            }
            return page(url, segments);
        }
    }

    private void pause() {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Optional<MockResponse> flaky(RecordedRequest request) {
        if (!request.getUrl().encodedPath().startsWith("/api/") || tooManyRequestsRate + serverErrorRate == 0) {
            return Optional.empty();
        }
        double draw;
        synchronized (flakiness) {
            draw = flakiness.nextDouble();
        }
        if (draw < tooManyRequestsRate) {
            return Optional.of(tooManyRequests(1));
        }
        return draw < tooManyRequestsRate + serverErrorRate ? Optional.of(serverError()) : Optional.empty();
    }

    private Optional<MockResponse> refused(RecordedRequest request) {
        boolean api = request.getUrl().encodedPath().startsWith("/api/");
        return switch (refusal) {
            case NONE -> Optional.empty();
            case UNAUTHORIZED -> api ? Optional.of(json(401, PatreonSamples.text("error-401.json"))) : Optional.empty();
            case UPGRADE_REQUIRED ->
                api ? Optional.of(json(426, PatreonSamples.text("error-426-update-app.json"))) : Optional.empty();
            case CLOUDFLARE ->
                Optional.of(new MockResponse.Builder()
                        .code(403)
                        .setHeader("Server", "cloudflare")
                        .setHeader("cf-mitigated", "challenge")
                        .setHeader("Content-Type", "text/html; charset=UTF-8")
                        .body(PatreonSamples.text("cloudflare-challenge-403.html"))
                        .build());
        };
    }

    private MockResponse api(HttpUrl url, List<String> segments) {
        String resource = segments.size() > 1 ? segments.get(1) : "";
        if (resource.equals("posts") && segments.size() == 2) {
            return posts(url);
        }
        if (resource.equals("posts") && segments.size() == 3) {
            return post(segments.get(2));
        }
        if (resource.equals("collection")) {
            return segments.size() == 2
                    ? collections(url)
                    : segments.size() == 3 ? collection(segments.get(2)) : notFound();
        }
        if (resource.equals("search")) {
            return search(url.queryParameter("q"));
        }
        if (resource.equals("campaigns") && segments.size() == 3) {
            return byCampaign(segments.get(2))
                    .map(c -> json(200, about(c, "campaign.json")))
                    .orElseGet(FakePatreon::notFound);
        }
        if (resource.equals("user") && segments.size() == 3) {
            return byUser(segments.get(2))
                    .map(c -> json(200, about(c, "user.json")))
                    .orElseGet(FakePatreon::notFound);
        }
        return notFound();
    }

    /**
     * The answer about the creator {@code filter[campaign_id]} names; Patreon's 400 without that filter, 404 for a
     * campaign it does not have.
     */
    private MockResponse forCampaign(HttpUrl url, Function<FakeCreator, MockResponse> answer) {
        String campaignId = url.queryParameter("filter[campaign_id]");
        if (campaignId == null) {
            return json(400, PatreonSamples.text("error-400.json"));
        }
        return byCampaign(campaignId).map(answer).orElseGet(FakePatreon::notFound);
    }

    private MockResponse posts(HttpUrl url) {
        return forCampaign(
                url,
                creator -> url.queryParameter("filter[collection_id]") != null
                        ? collectionPosts(url, creator)
                        : campaignPosts(url, creator));
    }

    private MockResponse campaignPosts(HttpUrl url, FakeCreator creator) {
        String cursor = url.queryParameter("page[cursor]");
        int offset = offset(url);
        if (offset < 0) {
            return invalidCursor("Invalid cursor");
        }
        if (cursor != null && !cursor.isEmpty() && generation(cursor) != cursorGeneration) {
            return invalidCursor("Expired");
        }
        int total = creator.postCount();
        int from = Math.min(offset, total);
        int to = Math.min(from + pageSize, total);
        List<ObjectNode> posts = creator.newestFirst(from, to);
        ObjectNode page = PatreonSamples.JSON.createObjectNode();
        ArrayNode data = page.putArray("data");
        posts.forEach(data::add);
        creator.includedFor(posts, page.putArray("included"));
        String next = to < total ? cursor(to) : null;
        if (next != null) {
            HttpUrl nextLink = url.newBuilder()
                    .scheme("https")
                    .host("www.patreon.com")
                    .port(443)
                    .setQueryParameter("page[cursor]", next)
                    .build();
            page.putObject("links").put("next", nextLink.toString());
        }
        int number = from / pageSize + 1;
        if (!pagesWithoutMeta.contains(number)) {
            ObjectNode pagination = page.putObject("meta").putObject("pagination");
            pagination.putObject("cursors").put("next", next);
            pagination.put("total", total);
        }
        return localMedia(json(200, ""), page.toString());
    }

    /** {@code /api/collection?filter[campaign_id]=...}: the campaign's collections, paged by links.next. */
    private MockResponse collections(HttpUrl url) {
        return forCampaign(
                url,
                creator -> pageOf(
                        url,
                        creator.collections().stream()
                                .map(FakeCollection::inList)
                                .toList(),
                        collectionPageSize));
    }

    /** {@code /api/collection/{id}}: one collection of any creator. */
    private MockResponse collection(String collectionId) {
        for (FakeCreator creator : creatorsByVanity.values()) {
            Optional<FakeCollection> collection = creator.findCollection(collectionId);
            if (collection.isPresent()) {
                ObjectNode answer = PatreonSamples.JSON.createObjectNode();
                answer.set("data", collection.get().onItsPage());
                answer.putObject("links").put("self", "https://www.patreon.com/api/collection/" + collectionId);
                return localMedia(json(200, ""), answer.toString());
            }
        }
        return notFound();
    }

    /** {@code /api/posts?...filter[collection_id]=...&sort=collection_order}: the collection's posts in its order. */
    private MockResponse collectionPosts(HttpUrl url, FakeCreator creator) {
        if (!"collection_order".equals(url.queryParameter("sort"))) {
            return json(400, PatreonSamples.text("error-400.json"));
        }
        Optional<FakeCollection> collection = creator.findCollection(url.queryParameter("filter[collection_id]"));
        if (collection.isEmpty()) {
            return notFound();
        }
        List<ObjectNode> posts = collection.get().postIds().stream()
                .map(creator::find)
                .flatMap(Optional::stream)
                .toList();
        return pageOf(url, posts, pageSize);
    }

    /**
     * The page of {@code items} the request's cursor points at, with {@code links.next} on Patreon's host (as Patreon
     * writes it) while more follow, and {@code meta.pagination.total}.
     */
    private MockResponse pageOf(HttpUrl url, List<ObjectNode> items, int size) {
        int offset = offset(url);
        if (offset < 0) {
            return invalidCursor("Invalid cursor");
        }
        int from = Math.min(offset, items.size());
        int to = Math.min(from + size, items.size());
        ObjectNode page = PatreonSamples.JSON.createObjectNode();
        page.putArray("data").addAll(items.subList(from, to));
        if (to < items.size()) {
            page.putObject("links")
                    .put(
                            "next",
                            url.newBuilder()
                                    .scheme("https")
                                    .host("www.patreon.com")
                                    .port(443)
                                    .setQueryParameter("page[cursor]", cursor(to))
                                    .build()
                                    .toString());
        }
        page.putObject("meta").putObject("pagination").put("total", items.size());
        return localMedia(json(200, ""), page.toString());
    }

    private static MockResponse invalidCursor(String detail) {
        return json(
                400,
                "{\"errors\":[{\"code\":3,\"code_name\":\"ParameterInvalid\",\"detail\":\"" + detail
                        + "\",\"status\":\"400\",\"title\":\"Invalid parameter.\"}]}");
    }

    /** {@code /api/posts/{id}}: the post with the resources it points at, as the single-post call returns it. */
    private MockResponse post(String postId) {
        for (FakeCreator creator : creatorsByVanity.values()) {
            Optional<ObjectNode> post = creator.find(postId);
            if (post.isPresent()) {
                ObjectNode answer = PatreonSamples.JSON.createObjectNode();
                answer.set("data", post.get());
                creator.includedFor(List.of(post.get()), answer.putArray("included"));
                answer.putObject("links").put("self", "https://www.patreon.com/api/posts/" + postId);
                return localMedia(json(200, ""), answer.toString());
            }
        }
        return notFound();
    }

    private MockResponse mux(RecordedRequest request, List<String> segments) {
        if (muxDirectory == null || segments.size() != 2) {
            return notFound();
        }
        if (!"https://www.patreon.com/".equals(request.getHeaders().get("Referer"))) {
            return new MockResponse.Builder().code(403).body("missing referer").build();
        }
        return fileIn(muxDirectory, muxFileName(segments.get(1)));
    }

    /**
     * A file of the stream by its name ({@code captions-en.m3u8}, {@code segment0.ts}); a playback id's playlist
     * ({@code <id>.m3u8}) is the captioned stream when the id starts with {@code captioned} (see
     * {@link FakeCreator#captionVideo}), else the plain one.
     */
    private String muxFileName(String name) {
        if (!name.endsWith(".m3u8") || Files.isRegularFile(muxDirectory.resolve(name))) {
            return name;
        }
        return name.startsWith("captioned") ? TestVideos.CAPTIONED_MUX_PLAYLIST : playlistIn(muxDirectory);
    }

    /** The file {@code name} of {@code directory} (nothing outside it), with its content type. */
    private static MockResponse fileIn(Path directory, String name) {
        Path file = directory.resolve(name).normalize();
        if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            return notFound();
        }
        String type = name.endsWith(".m3u8")
                ? "application/vnd.apple.mpegurl"
                : name.endsWith(".ts")
                        ? "video/mp2t"
                        : name.endsWith(".vtt")
                                ? "text/vtt"
                                : name.endsWith(".mp4") ? "video/mp4" : "application/octet-stream";
        try {
            okio.Buffer body = new okio.Buffer().write(Files.readAllBytes(file));
            return new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", type)
                    .body(body)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory's plain playlist: {@link TestVideos#MUX_PLAYLIST}, else its one playlist, whatever its name. */
    private static String playlistIn(Path directory) {
        if (Files.isRegularFile(directory.resolve(TestVideos.MUX_PLAYLIST))) {
            return TestVideos.MUX_PLAYLIST;
        }
        try (var files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".m3u8"))
                    .sorted()
                    .findFirst()
                    .orElse("index.m3u8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MockResponse search(String query) {
        if (!searchWorks) {
            return notFound();
        }
        String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
        ObjectNode answer = PatreonSamples.JSON.createObjectNode();
        ArrayNode data = answer.putArray("data");
        // A creator whose vanity merely starts with the query comes first, as real search results do.
        data.addObject()
                .put("id", "campaign_1")
                .put("type", "campaign-document")
                .putObject("attributes")
                .put("name", "A fan page")
                .put("url", "https://www.patreon.com/" + q + "fans");
        creatorsByVanity.values().stream()
                .filter(c -> c.vanity().toLowerCase(Locale.ROOT).startsWith(q))
                .forEach(c -> data.addObject()
                        .put("id", "campaign_" + c.campaignId())
                        .put("type", "campaign-document")
                        .putObject("attributes")
                        .put("name", c.vanity() + " studio")
                        .put("url", "https://www.patreon.com/" + c.vanity()));
        return json(200, answer.toString());
    }

    private MockResponse page(HttpUrl url, List<String> segments) {
        if (segments.size() == 1 && segments.get(0).equals("user")) {
            return byUser(url.queryParameter("u")).map(this::creatorPage).orElseGet(FakePatreon::notFoundPage);
        }
        if (segments.size() == 1 && creatorsByVanity.containsKey(segments.get(0).toLowerCase(Locale.ROOT))) {
            // The live site's redirect chain: /{vanity} -> /c/{vanity}/posts.
            return new MockResponse.Builder()
                    .code(307)
                    .setHeader("Location", "/c/" + segments.get(0) + "/posts")
                    .build();
        }
        Optional<String> vanity = switch (segments.size()) {
            case 2 ->
                segments.get(1).equals("posts")
                        ? Optional.of(segments.get(0))
                        : Set.of("c", "cw").contains(segments.get(0)) ? Optional.of(segments.get(1)) : Optional.empty();
            case 3 ->
                Set.of("c", "cw").contains(segments.get(0)) && segments.get(2).equals("posts")
                        ? Optional.of(segments.get(1))
                        : Optional.empty();
            default -> Optional.empty();
        };
        return vanity.map(v -> creatorsByVanity.get(v.toLowerCase(Locale.ROOT)))
                .map(this::creatorPage)
                .orElseGet(FakePatreon::notFoundPage);
    }

    private MockResponse creatorPage(FakeCreator creator) {
        String sample = pageStyle == PageStyle.NEXT_DATA ? "creator-page-nextdata.html" : "creator-page-nextjs13.html";
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .body(about(creator, sample))
                .build();
    }

    /** A sample rewritten to be about {@code creator}. */
    private static String about(FakeCreator creator, String sample) {
        return PatreonSamples.text(sample)
                .replace(SAMPLE_CAMPAIGN, creator.campaignId())
                .replace(SAMPLE_USER, creator.userId())
                .replace(SAMPLE_VANITY, creator.vanity());
    }

    private Optional<FakeCreator> byCampaign(String campaignId) {
        return creatorsByVanity.values().stream()
                .filter(c -> c.campaignId().equals(campaignId))
                .findFirst();
    }

    private Optional<FakeCreator> byUser(String userId) {
        return creatorsByVanity.values().stream()
                .filter(c -> c.userId().equals(userId))
                .findFirst();
    }

    private static MockResponse notFound() {
        return json(404, PatreonSamples.text("error-404.json"));
    }

    private static MockResponse notFoundPage() {
        return new MockResponse.Builder()
                .code(404)
                .setHeader("Content-Type", "text/html")
                .body("<html><body>This page has been removed</body></html>")
                .build();
    }

    private String cursor(int offset) {
        String state = "{\"v\":1,\"c\":\"" + offset + "\",\"t\":\"" + cursorGeneration + "\"}";
        return "03:" + Base64.getUrlEncoder().withoutPadding().encodeToString(state.getBytes(StandardCharsets.UTF_8))
                + ":fakeSig";
    }

    /** The cursor generation (see {@link #expireCursors()}) of a cursor this fake wrote. */
    private static int generation(String cursor) {
        String state = new String(Base64.getUrlDecoder().decode(cursor.split(":")[1]), StandardCharsets.UTF_8);
        return Integer.parseInt(state.replaceAll(".*\"t\":\"(\\d+)\".*", "$1"));
    }

    /** The listing position a cursor encodes; -1 for a cursor this fake did not write (Patreon answers 400). */
    private static int offset(HttpUrl url) {
        String cursor = url.queryParameter("page[cursor]");
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        String[] parts = cursor.split(":");
        try {
            String state = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Matcher position = CURSOR_POSITION.matcher(state);
            return position.matches() ? Integer.parseInt(position.group(1)) : -1;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return -1;
        }
    }

    /** Posts per page, for {@link #postsPage}. */
    public int pageSize() {
        return pageSize;
    }

    /** The listing requests, in order, as page numbers (1-based). */
    public List<Integer> postsPagesRequested() {
        List<Integer> pages = new ArrayList<>();
        for (RecordedRequest request : requests("/api/posts")) {
            int offset = offset(request.getUrl());
            if (request.getUrl().pathSegments().size() == 2 && offset >= 0) {
                pages.add(offset / pageSize + 1);
            }
        }
        return pages;
    }
}
