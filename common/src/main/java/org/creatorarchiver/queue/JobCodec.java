package org.creatorarchiver.queue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Jobs as JSON strings, readable in redis-cli:
 * {@code {"id","type","payload","attempt","enqueued_at","last_error"}}. Payload records are written in snake_case
 * like the envelope; unknown payload fields are ignored so an older worker can read a newer producer's jobs.
 */
public final class JobCodec {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JobCodec() {}

    public static String encode(Job job) {
        StringWriter out = new StringWriter(128 + job.payloadJson().length());
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", job.id());
            json.writeStringField("type", job.type());
            json.writeFieldName("payload");
            json.writeRawValue(job.payloadJson());
            json.writeNumberField("attempt", job.attempt());
            json.writeStringField("enqueued_at", job.enqueuedAt().toString());
            json.writeStringField("last_error", job.lastError());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static Job decode(String raw) {
        JsonNode node = jsonObject(raw);
        JsonNode payload = node.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new MalformedJobException("job field 'payload' must be an object: " + abbreviate(raw));
        }
        int attempt = attempt(node, raw);
        JsonNode lastError = node.get("last_error");
        return new Job(
                text(node, "id", raw),
                text(node, "type", raw),
                payload.toString(),
                attempt,
                instant(node, "enqueued_at", raw),
                lastError == null || lastError.isNull() ? null : lastError.asText());
    }

    private static JsonNode jsonObject(String raw) {
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new MalformedJobException("job is not JSON: " + abbreviate(raw), e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedJobException("job is not a JSON object: " + abbreviate(raw));
        }
        return node;
    }

    private static int attempt(JsonNode node, String raw) {
        JsonNode attempt = node.get("attempt");
        if (attempt == null || !attempt.canConvertToInt() || attempt.intValue() < 0) {
            throw new MalformedJobException("job field 'attempt' must be a non-negative integer: " + abbreviate(raw));
        }
        return attempt.intValue();
    }

    public static String payloadJson(Record payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "payload " + payload.getClass().getSimpleName() + " cannot be written as JSON: "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    public static <P extends Record> P payload(Job job, Class<P> payloadClass) {
        try {
            return JSON.readValue(job.payloadJson(), payloadClass);
        } catch (JsonProcessingException e) {
            throw new MalformedJobException(
                    "payload of job " + job.id() + " is not a valid " + payloadClass.getSimpleName() + ": "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    private static String text(JsonNode node, String field, String raw) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new MalformedJobException("job field '" + field + "' must be a non-empty string: " + abbreviate(raw));
        }
        return value.asText();
    }

    private static Instant instant(JsonNode node, String field, String raw) {
        String text = text(node, field, raw);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedJobException("job field '" + field + "' is not an ISO-8601 instant: " + abbreviate(raw));
        }
    }

    private static String abbreviate(String raw) {
        return raw == null ? "null" : raw.length() <= 200 ? raw : raw.substring(0, 200) + "...";
    }
}
