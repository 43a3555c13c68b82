package org.creatorarchiver.testing.patreon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample Patreon responses of ../shared/patreon-samples, copied into the test resources under /patreon/. */
public final class PatreonSamples {

    static final ObjectMapper JSON = new ObjectMapper();

    private PatreonSamples() {}

    public static String text(String name) {
        try (InputStream in = PatreonSamples.class.getResourceAsStream("/patreon/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource /patreon/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode json(String name) {
        return parse(text(name), "sample " + name);
    }

    /** Parses JSON the fake itself wrote ({@code what} names it in the error). */
    static ObjectNode parse(String json, String what) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " is not JSON", e);
        }
    }
}
