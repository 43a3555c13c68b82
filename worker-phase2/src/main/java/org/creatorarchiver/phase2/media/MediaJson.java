package org.creatorarchiver.phase2.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalDouble;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;
import org.creatorarchiver.patreon.jsonapi.ResourceKey;

/** Lenient reads of the post's media JSON: blank text and non-positive numbers count as absent. */
final class MediaJson {

    private MediaJson() {}

    static Optional<JsonApiResource> byId(JsonApiDocument document, String mediaId) {
        return document.included(new ResourceKey("media", mediaId));
    }

    /** The bytes' URL of a media: {@code download_url}, else the original image variant. */
    static Optional<String> downloadUrl(JsonApiResource media) {
        return media.nonBlankText("download_url")
                .or(() -> text(media.attribute("image_urls"), "original"))
                .or(() -> text(media.attribute("image_urls"), "url"))
                .or(() -> text(media.attribute("image_urls"), "default"));
    }

    /** What a media object says about its file, kept in {@code post_media.metadata}. */
    static ObjectNode metadata(Optional<JsonApiResource> media) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        media.ifPresent(m -> {
            m.nonBlankText("file_name").ifPresent(name -> metadata.put("file_name", name));
            m.nonBlankText("mimetype").ifPresent(type -> metadata.put("mimetype", type));
            m.nonBlankText("media_type").ifPresent(type -> metadata.put("media_type", type));
            putSize(m, metadata);
            JsonNode dimensions = m.attribute("metadata").path("dimensions");
            if (dimensions.isObject()) {
                metadata.set("dimensions", dimensions.deepCopy());
            }
        });
        return metadata;
    }

    private static void putSize(JsonApiResource media, ObjectNode metadata) {
        JsonNode size = media.attribute("size_bytes");
        if (size.isIntegralNumber()) {
            metadata.put("size_bytes", size.longValue());
        } else if (media.node().path("attributes").has("size_bytes")) {
            // Patreon's sign that the file is unavailable to this viewer (yt-dlp#4608).
            metadata.putNull("size_bytes");
        }
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.textValue().isBlank() ? Optional.of(value.textValue()) : Optional.empty();
    }

    static Optional<String> idText(JsonNode value) {
        return (value.isIntegralNumber() || value.isTextual())
                        && !value.asText().isBlank()
                ? Optional.of(value.asText())
                : Optional.empty();
    }

    static OptionalDouble number(JsonNode value) {
        OptionalDouble number = JsonApiResource.number(value);
        return number.isPresent() && number.getAsDouble() > 0 ? number : OptionalDouble.empty();
    }
}
