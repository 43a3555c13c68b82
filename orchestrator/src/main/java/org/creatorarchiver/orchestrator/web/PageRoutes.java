package org.creatorarchiver.orchestrator.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import org.creatorarchiver.orchestrator.web.security.CsrfCookie;

/**
 * How a part of the dashboard adds its routes: pages (GET, rendered from a template) and actions (POST, whose CSRF
 * token the server checked before the action runs). An action answers with a redirect (a plain form) or a fragment
 * (htmx).
 */
public final class PageRoutes {

    /** Renders a page: the template's name and its parameters (besides {@code csrf}, which every page gets). */
    @FunctionalInterface
    public interface Page {
        View render(Context ctx) throws Exception;
    }

    /** A template and its parameters. */
    public record View(String template, Map<String, Object> parameters) {}

    private final RoutesConfig routes;
    private final String answered;

    PageRoutes(RoutesConfig routes, String answered) {
        this.routes = routes;
        this.answered = answered;
    }

    public void page(String path, Page page) {
        routes.get(path, ctx -> {
            ctx.attribute(answered, true);
            View view = page.render(ctx);
            ctx.contentType("text/html; charset=utf-8").result(html(ctx, view));
        });
    }

    public void action(String path, Handler action) {
        routes.post(path, ctx -> {
            ctx.attribute(answered, true);
            action.handle(ctx);
        });
    }

    /** Any other GET route (files, JSON for a page's chart), answered as the handler says. */
    public void get(String path, Handler handler) {
        routes.get(path, ctx -> {
            ctx.attribute(answered, true);
            handler.handle(ctx);
        });
    }

    /** The view rendered, with the browser's CSRF token for its forms. */
    public static String html(Context ctx, View view) {
        Map<String, Object> parameters = new java.util.HashMap<>(view.parameters());
        parameters.put("csrf", CsrfCookie.of(ctx));
        return Templates.render(view.template(), parameters);
    }
}
