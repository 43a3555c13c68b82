package org.creatorarchiver.orchestrator.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import java.util.List;
import java.util.Map;
import org.creatorarchiver.orchestrator.api.ApiQuery;
import org.creatorarchiver.orchestrator.api.ApiResponse;
import org.creatorarchiver.orchestrator.api.ApiRoute;
import org.creatorarchiver.orchestrator.api.BadRequestException;
import org.creatorarchiver.orchestrator.web.security.UiAccess;
import org.creatorarchiver.orchestrator.web.security.WebSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server of {@code serve} (Javalin on Jetty): the JSON API, the dashboard's pages, the stored files and
 * the pages' own assets, behind one router, one query-string parser and one set of security checks. Each request
 * runs on its own virtual thread.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    /** Set on a request some route answered, so that the 404/405 pages do not replace a route's own answer. */
    private static final String ANSWERED = "archiver.answered";

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /**
     * Binds {@code host:port} (port 0 picks a free one) and serves {@code api} (path -> JSON route; a path may name
     * segments, as in {@code /api/v1/videos/{video_id}/transcript}) and every one of {@code pages}, until closed.
     *
     * @throws IllegalArgumentException {@code access} refuses {@code host} (not loopback, and no token)
     */
    public static WebServer start(
            String host, int port, UiAccess access, Map<String, ApiRoute> api, List<WebPages> pages) {
        access.checkBind(host);
        Javalin app = Javalin.create(config -> configure(config, access, api, pages));
        app.start(host, port);
        log.info("HTTP API and dashboard listening on http://{}:{}/", host, app.port());
        return new WebServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void configure(
            JavalinConfig config, UiAccess access, Map<String, ApiRoute> api, List<WebPages> pages) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.concurrency.useVirtualThreads = true;
        config.http.prefer405over404 = true;
        assets(config);
        WebSecurity.install(config.routes, access);
        api.forEach((path, route) -> config.routes.get(path, answering(apiHandler(route))));
        pages.forEach(page -> page.addTo(new PageRoutes(config.routes, ANSWERED)));
        config.routes.error(404, WebServer::notFound);
        config.routes.error(405, WebServer::methodNotAllowed);
        config.routes.exception(Exception.class, WebServer::failed);
    }

    /** htmx and uPlot from their webjars, the dashboard's own script and stylesheet from {@code /web/static}. */
    private static void assets(JavalinConfig config) {
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/web/static";
            files.location = Location.CLASSPATH;
        });
    }

    private static Handler answering(Handler handler) {
        return ctx -> {
            ctx.attribute(ANSWERED, true);
            handler.handle(ctx);
        };
    }

    private static Handler apiHandler(ApiRoute route) {
        return ctx -> {
            ApiResponse response;
            try {
                response = route.handle(new ApiQuery(ctx.queryParamMap(), ctx.pathParamMap()));
            } catch (BadRequestException e) {
                response = ApiResponse.error(400, e.getMessage());
            }
            send(ctx, response);
        };
    }

    private static void send(Context ctx, ApiResponse response) {
        ctx.status(response.status()).contentType(response.contentType()).result(response.body());
    }

    private static void notFound(Context ctx) {
        if (ctx.attribute(ANSWERED) == null) {
            sendError(ctx, 404, "no such route: " + ctx.path());
        }
    }

    private static void methodNotAllowed(Context ctx) {
        if (ctx.attribute(ANSWERED) == null) {
            String allowed = isApi(ctx) ? "GET" : "GET, POST";
            ctx.header("Allow", allowed);
            sendError(ctx, 405, ctx.method() + " not allowed on " + ctx.path() + " (" + allowed + " only)");
        }
    }

    private static void failed(Exception e, Context ctx) {
        log.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.toString());
        sendError(ctx, 500, "internal error: " + e.getClass().getSimpleName());
    }

    /** JSON for the API's paths, a page for the dashboard's. */
    private static void sendError(Context ctx, int status, String message) {
        if (isApi(ctx)) {
            send(ctx, ApiResponse.error(status, message));
        } else {
            ctx.status(status).contentType("text/html; charset=utf-8").result(ErrorPage.html(status, message));
        }
    }

    private static boolean isApi(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/api/") || path.equals("/health") || path.equals("/metrics");
    }
}
