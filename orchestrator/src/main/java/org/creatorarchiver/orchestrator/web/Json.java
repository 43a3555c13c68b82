package org.creatorarchiver.orchestrator.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import org.creatorarchiver.orchestrator.status.StatusJson;

/** JSON a page's script reads (a chart's series), written with the API's own mapper. */
public final class Json {

    private Json() {}

    public static void send(Context ctx, Object value) throws JsonProcessingException {
        ctx.contentType("application/json").result(StatusJson.mapper().writeValueAsBytes(value));
    }
}
