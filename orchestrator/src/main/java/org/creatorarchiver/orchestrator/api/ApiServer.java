package org.creatorarchiver.orchestrator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.creatorarchiver.orchestrator.status.StatusJson;
import org.creatorarchiver.web.QueryStrings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator's HTTP API on the JDK's built-in server (read-only JSON routes; no framework needed for them).
 * Each request runs on its own virtual thread.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

    /** A read-only route: answers a status code and a body (JSON, or text for {@code /metrics}). */
    @FunctionalInterface
    public interface Route {
        ApiResponse handle(ApiQuery query) throws Exception;
    }

    public record ApiResponse(int status, String contentType, byte[] body) {
        public static ApiResponse ok(JsonNode body) {
            return json(200, body);
        }

        public static ApiResponse json(int status, JsonNode body) {
            try {
                return new ApiResponse(
                        status, "application/json", StatusJson.mapper().writeValueAsBytes(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree always serializes", e);
            }
        }

        public static ApiResponse text(String contentType, String body) {
            return new ApiResponse(200, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;

    private ApiServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Binds {@code host:port} (port 0 picks a free one) and serves {@code routes} (path -> route) until closed; a path
     * may name segments, as in {@code /api/v1/videos/{id}/transcript} (see {@link PathTemplate}).
     */
    public static ApiServer start(String host, int port, Map<String, Route> routes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> dispatch(exchange, routes));
        server.start();
        log.info("HTTP API listening on {}:{}", host, server.getAddress().getPort());
        return new ApiServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(1);
    }

    private static void dispatch(HttpExchange exchange, Map<String, Route> routes) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Optional<Resolved> resolved = resolve(routes, path);
            ApiResponse response;
            if (resolved.isEmpty()) {
                response = error(404, "no such route: " + path);
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "GET");
                response = error(405, exchange.getRequestMethod() + " not allowed on " + path + " (GET only)");
            } else {
                response = answer(resolved.get(), exchange);
            }
            send(exchange, response);
        }
    }

    /** A route and the values of its path's {@code {name}} segments. */
    private record Resolved(Route route, Map<String, String> pathParameters) {}

    /** The route of exactly {@code path}, else the first template it matches (see {@link PathTemplate}). */
    private static Optional<Resolved> resolve(Map<String, Route> routes, String path) {
        Route exact = routes.get(path);
        if (exact != null) {
            return Optional.of(new Resolved(exact, Map.of()));
        }
        return routes.entrySet().stream()
                .filter(route -> PathTemplate.isTemplate(route.getKey()))
                .flatMap(route -> PathTemplate.match(route.getKey(), path).stream()
                        .map(values -> new Resolved(route.getValue(), values)))
                .findFirst();
    }

    private static ApiResponse answer(Resolved resolved, HttpExchange exchange) {
        try {
            return resolved.route()
                    .handle(new ApiQuery(
                            QueryStrings.parseAll(exchange.getRequestURI().getRawQuery()), resolved.pathParameters()));
        } catch (BadRequestException e) {
            return error(400, e.getMessage());
        } catch (Exception e) {
            log.warn("{} failed: {}", exchange.getRequestURI().getPath(), e.toString());
            return error(500, "internal error: " + e.getClass().getSimpleName());
        }
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    static ApiResponse error(int status, String message) {
        ObjectNode body = StatusJson.mapper().createObjectNode().put("error", message);
        return ApiResponse.json(status, body);
    }
}
