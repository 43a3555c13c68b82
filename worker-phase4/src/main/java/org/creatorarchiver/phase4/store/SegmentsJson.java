package org.creatorarchiver.phase4.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.creatorarchiver.phase4.text.Segment;
import org.jooq.JSONB;

/** Segments as the tables keep them: {@code [{"start", "end", "text"}]}, seconds with millisecond precision. */
public final class SegmentsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SegmentsJson() {}

    public static JSONB write(List<Segment> segments) {
        ArrayNode array = JSON.createArrayNode();
        for (Segment segment : segments) {
            array.addObject()
                    .put("start", millis(segment.start()))
                    .put("end", millis(segment.end()))
                    .put("text", segment.text());
        }
        return JSONB.valueOf(array.toString());
    }

    public static List<Segment> read(JSONB json) {
        try {
            List<Segment> segments = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json.data())) {
                segments.add(new Segment(
                        node.path("start").asDouble(),
                        node.path("end").asDouble(),
                        node.path("text").asText()));
            }
            return segments;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable segments: " + e.getMessage(), e);
        }
    }

    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
