package org.creatorarchiver.testing.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the real service would refuse, as OpenAI answers it: {@code {"error": {"message", "type", "param",
 * "code"}}}.
 */
final class Refusal extends Exception {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    Refusal(int status, String type, String param, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    static Refusal invalidRequest(String param, String message) {
        return new Refusal(400, "invalid_request_error", param, null, message);
    }

    int status() {
        return status;
    }

    String json() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", getMessage());
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return root.toString();
    }
}
