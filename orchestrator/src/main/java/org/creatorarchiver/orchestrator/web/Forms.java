package org.creatorarchiver.orchestrator.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

/** Reading an action's path and answering it: ids that must parse, and the redirect back to the page. */
public final class Forms {

    private Forms() {}

    /** The path segment {@code {name}} as an id of at least 1; 404 otherwise (nothing by that name exists). */
    public static long pathId(Context ctx, String name) {
        try {
            long id = Long.parseLong(ctx.pathParam(name));
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new NotFoundResponse("no " + name.replace('_', ' ') + " " + ctx.pathParam(name));
    }

    /** The optional whole-number query parameter {@code name}, 400 when it does not parse. */
    public static java.util.OptionalLong queryId(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + "=" + value + ": not a whole number");
        }
    }

    /** Back to a page after an action (303: the browser GETs it, and a reload does not repeat the action). */
    public static void back(Context ctx, String location) {
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }
}
