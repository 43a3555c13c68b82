package org.creatorarchiver.tools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.creatorarchiver.testing.patreon.TestVideos;

/**
 * A tiny video site on 127.0.0.1 for running the real yt-dlp offline (the fixture of ../shared/services.md):
 * <ul>
 *   <li>{@code /page-1}: an HTML5 page with {@code clip.mp4} and English and Spanish subtitle tracks
 *       ({@link TestVideos});</li>
 *   <li>{@code /clip.mp4}: a 5-second 320x240 clip made with ffmpeg (a key frame every 2 s);</li>
 *   <li>{@code /mux/video.m3u8}: the same clip as an HLS VOD in 2-second segments, and {@code /mux/captioned.m3u8}
 *       the same stream with an English subtitle rendition; like Mux, {@code /mux/} answers 403 to any request
 *       without {@code Referer: https://www.patreon.com/}.</li>
 * </ul>
 * The media are made once per test class, into the class's temporary directory. {@link #hide} makes a path answer
 * 404 until {@link #unhide}.
 */
public final class LocalMediaSite implements AutoCloseable {

    static final double CLIP_SECONDS = TestVideos.CLIP_SECONDS;
    static final String PATREON_REFERER = "https://www.patreon.com/";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html",
            "text/html; charset=utf-8",
            "mp4",
            "video/mp4",
            "vtt",
            "text/vtt",
            "m3u8",
            "application/vnd.apple.mpegurl",
            "ts",
            "video/mp2t");
    /** Relative file URLs, as the page is served at the site's root. */
    private static final String PAGE = TestVideos.watchPage("");

    private final Path root;
    private final HttpServer server;
    private final Set<String> hidden = ConcurrentHashMap.newKeySet();
    private final List<String> served = new CopyOnWriteArrayList<>();

    private LocalMediaSite(Path root, HttpServer server) {
        this.root = root;
        this.server = server;
    }

    public static LocalMediaSite start(Path root) throws Exception {
        makeMedia(root);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        LocalMediaSite site = new LocalMediaSite(root, server);
        server.createContext("/", site::serve);
        server.start();
        return site;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The Mux-like HLS stream's directory (a {@code video.m3u8} playlist and its segments). */
    public Path muxDirectory() {
        return root.resolve(TestVideos.MUX);
    }

    public Path clip() {
        return root.resolve(TestVideos.CLIP);
    }

    /**
     * Requests for {@code path} (e.g. {@code /clip.en.vtt}) are answered 404: yt-dlp gives up on such a subtitle at
     * once, with a warning, and still exits 0 (a 500 it retries, then fails the whole download).
     */
    public void hide(String path) {
        hidden.add(path);
    }

    public void unhide(String path) {
        hidden.remove(path);
    }

    /** The paths starting with {@code prefix} this site answered with a file (200), in the order they were asked. */
    public List<String> served(String prefix) {
        return served.stream().filter(path -> path.startsWith(prefix)).toList();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (hidden.contains(path)) {
                send(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.startsWith("/mux/")
                    && !PATREON_REFERER.equals(exchange.getRequestHeaders().getFirst("Referer"))) {
                send(exchange, 403, "text/plain", "Forbidden: Referer required".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = root.resolve(path.equals("/page-1") ? "page-1.html" : path.substring(1))
                    .normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.getFileName().toString();
            String type =
                    CONTENT_TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            send(exchange, 200, type, Files.readAllBytes(file));
            served.add(path);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The page, then the clip, its subtitles and its HLS copy, made as the fake Patreon's video site makes them. */
    private static void makeMedia(Path root) throws Exception {
        Files.writeString(root.resolve("page-1.html"), PAGE);
        TestVideos.makeIn(root);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
