package org.creatorarchiver.orchestrator.web.security;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Cross-site request forgery protection by double submit: each browser gets a random token in an HttpOnly,
 * SameSite=Strict cookie, the pages put the same token in every form (and htmx sends it as a header), and an action
 * passes only when the two agree. Another site can make the browser send the cookie, but cannot read it to put it in
 * the form.
 */
public final class CsrfCookie {

    public static final String COOKIE = "archiver_csrf";
    public static final String FORM_FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    /** The request's token, for the page's forms. */
    static final String ATTRIBUTE = "archiver.csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfCookie() {}

    /** The browser's token, given it now when it has none. */
    static String ensure(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token == null || token.length() != 43) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ctx.cookie(new Cookie(COOKIE, token, "/", -1, false, true, null, SameSite.STRICT));
        }
        ctx.attribute(ATTRIBUTE, token);
        return token;
    }

    /** Whether the action carries the cookie's token in its form or header. */
    static boolean verified(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        String sent = ctx.header(HEADER);
        if (sent == null) {
            sent = ctx.formParam(FORM_FIELD);
        }
        return cookie != null
                && sent != null
                && MessageDigest.isEqual(
                        cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** The token {@link #ensure} gave this request. */
    public static String of(Context ctx) {
        String token = ctx.attribute(ATTRIBUTE);
        return token != null ? token : ensure(ctx);
    }
}
