package org.creatorarchiver.phase2.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;

/**
 * The files of one directory over HTTP on 127.0.0.1, each streamed from disk with a fixed buffer (a 1 GiB file never
 * sits in memory), for bench/media-download.sh: {@code LocalFileServer <directory> <port file>}. It writes the port it
 * listens on to the port file once it answers, and runs until killed.
 */
public final class LocalFileServer {

    private static final int BUFFER_BYTES = 256 * 1024;

    private LocalFileServer() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LocalFileServer <directory> <port file>");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> serve(root, exchange));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        // Written then renamed, so a reader never sees a half-written port.
        Path portFile = Path.of(args[1]);
        Path partial = portFile.resolveSibling(portFile.getFileName() + ".part");
        Files.writeString(partial, String.valueOf(server.getAddress().getPort()), StandardCharsets.US_ASCII);
        Files.move(partial, portFile, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void serve(Path root, HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1))
                    .normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, Files.size(file));
            try (InputStream in = Files.newInputStream(file);
                    OutputStream body = exchange.getResponseBody()) {
                byte[] buffer = new byte[BUFFER_BYTES];
                for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                    body.write(buffer, 0, read);
                }
            }
        }
    }
}
