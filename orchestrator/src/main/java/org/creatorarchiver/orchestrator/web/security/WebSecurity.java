package org.creatorarchiver.orchestrator.web.security;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;

/**
 * The checks every request passes before any route: the token ({@link UiAccess}), CSRF on every action
 * ({@link CsrfCookie}), and the headers that keep a page from running what it did not ship.
 */
public final class WebSecurity {

    /**
     * Scripts and styles only from this server (no inline script: htmx and the charts are files here), images from
     * anywhere (posts keep their images as Patreon URLs), frames only from YouTube's privacy-enhanced player and
     * Vimeo's, and nothing may frame the dashboard.
     */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' https: data:",
            "media-src 'self'",
            "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private WebSecurity() {}

    public static void install(RoutesConfig routes, UiAccess access) {
        routes.before(ctx -> {
            headers(ctx);
            requireToken(ctx, access);
        });
        // Only where an action exists: a POST to a page or to the API is a 405, not a CSRF refusal.
        routes.beforeMatched(ctx -> {
            if (ctx.method() == HandlerType.POST && !CsrfCookie.verified(ctx)) {
                throw new ForbiddenResponse("the form's CSRF token is missing or stale: reload the page and try again");
            }
        });
    }

    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    private static void requireToken(Context ctx, UiAccess access) {
        if (!access.allows(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Basic realm=\"creator-archiver\", charset=\"UTF-8\"");
            throw new UnauthorizedResponse("ARCHIVER_UI_TOKEN is set: send it as a bearer token, or as the password");
        }
    }
}
