package org.creatorarchiver.orchestrator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.creatorarchiver.orchestrator.status.StatusJson;

/** What an {@link ApiRoute} answers: a status, a content type and the body's bytes. */
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

    /** {@code {"error": message}}, the body of every refusal and failure of the API. */
    public static ApiResponse error(int status, String message) {
        ObjectNode body = StatusJson.mapper().createObjectNode().put("error", message);
        return json(status, body);
    }
}
