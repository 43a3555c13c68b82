package org.creatorarchiver.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jooq.JSONB;

/** A JSONB object column read leniently: NULL, unreadable JSON or anything but an object reads as an empty object. */
public final class JsonbObjects {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonbObjects() {}

    public static ObjectNode parse(JSONB json) {
        if (json == null) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(json.data());
            return node instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
