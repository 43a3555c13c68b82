package org.creatorarchiver.testing.openai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/** A {@code multipart/form-data} body read into its fields, refusing what is not one as OpenAI does (400). */
final class MultipartForm {

    /** One form field: its file name (empty for a plain field) and its bytes. */
    record Field(String filename, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile(";\\s*filename=\"([^\"]*)\"");

    private MultipartForm() {}

    static Map<String, Field> parse(RecordedRequest request) throws Refusal {
        String contentType = request.getHeaders().get("Content-Type");
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        String boundary = type == null ? null : type.parameter("boundary");
        if (type == null || !type.subtype().equals("form-data") || boundary == null || request.getBody() == null) {
            throw Refusal.invalidRequest(null, "Expected a multipart/form-data body, got " + contentType + ".");
        }
        Map<String, Field> fields = new HashMap<>();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()), boundary)) {
            for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                String disposition = part.headers().get("Content-Disposition");
                Matcher name = NAME.matcher(disposition == null ? "" : disposition);
                if (name.find()) {
                    Matcher filename = FILENAME.matcher(disposition);
                    String file = filename.find() ? filename.group(1) : "";
                    fields.put(name.group(1), new Field(file, part.body().readByteArray()));
                }
            }
        } catch (IOException e) {
            throw Refusal.invalidRequest(null, "Could not parse multipart form: " + e.getMessage());
        }
        return fields;
    }
}
