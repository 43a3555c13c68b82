package org.creatorarchiver.patreon.posts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;
import org.creatorarchiver.patreon.jsonapi.ResourceKey;

/**
 * A post's Patreon-hosted video as far as its JSON tells, also for a locked post: the media id that keys its
 * {@code videos} row (phases 1 and 2 must agree on it) and the duration Patreon reports, if any.
 *
 * @param mediaId         the Patreon media id of the full video (never the preview clip's)
 * @param durationSeconds the full video's duration; empty when Patreon gives none
 * @param durationField   where the duration was read, for logs
 */
public record PatreonVideo(String mediaId, OptionalDouble durationSeconds, String durationField) {

    private static final Pattern VIDEO_FILE_NAME = Pattern.compile(".*\\.(mp4|mov|m4v|webm|mkv|avi)");

    /** The main video of {@code post}, empty when the post has no Patreon-hosted video (or no id for it). */
    public static Optional<PatreonVideo> of(JsonApiDocument document, JsonApiResource post) {
        JsonNode postFile = post.attribute("post_file");
        JsonNode preview = post.attribute("video_preview");
        List<JsonApiResource> videoMedia = document.related(post, "media").stream()
                .filter(media -> media.text("media_type").map("video"::equals).orElse(false))
                .toList();
        boolean fileIsVideo = isVideoFile(postFile);
        if (!isVideoPost(post, fileIsVideo, preview, videoMedia)) {
            return Optional.empty();
        }
        Optional<String> mediaId = mediaId(post, fileIsVideo ? postFile : null, videoMedia);
        if (mediaId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(withDuration(mediaId.get(), fileIsVideo ? postFile : null, preview, videoMedia));
    }

    private static boolean isVideoPost(
            JsonApiResource post, boolean fileIsVideo, JsonNode preview, List<JsonApiResource> videoMedia) {
        return fileIsVideo
                || preview.isObject()
                || !videoMedia.isEmpty()
                || post.text("post_type").map("video_external_file"::equals).orElse(false);
    }

    /** The full video's media id: the post file's, else the main video media's, else the video insights'. */
    private static Optional<String> mediaId(
            JsonApiResource post, JsonNode videoPostFile, List<JsonApiResource> videoMedia) {
        Optional<String> mediaId = videoPostFile != null ? idText(videoPostFile.path("media_id")) : Optional.empty();
        if (mediaId.isEmpty()) {
            mediaId = mainMedia(videoMedia).map(JsonApiResource::id);
        }
        if (mediaId.isEmpty()) {
            mediaId = post.relatedKeys("native_video_insights").stream()
                    .findFirst()
                    .map(ResourceKey::id);
        }
        return mediaId;
    }

    private static PatreonVideo withDuration(
            String id, JsonNode videoPostFile, JsonNode preview, List<JsonApiResource> videoMedia) {
        Optional<JsonApiResource> media =
                videoMedia.stream().filter(m -> m.id().equals(id)).findFirst();
        return duration(videoPostFile, preview, media.orElse(null))
                .map(found -> new PatreonVideo(id, OptionalDouble.of(found.seconds), found.field))
                .orElseGet(() -> new PatreonVideo(id, OptionalDouble.empty(), ""));
    }

    private static boolean isVideoFile(JsonNode postFile) {
        if (!postFile.isObject()) {
            return false;
        }
        String name = postFile.path("name").asText("").toLowerCase(Locale.ROOT);
        String url = postFile.path("url").asText("").toLowerCase(Locale.ROOT);
        return name.equals("video")
                || url.contains(".m3u8")
                || VIDEO_FILE_NAME.matcher(name).matches();
    }

    private static Optional<JsonApiResource> mainMedia(List<JsonApiResource> videoMedia) {
        return videoMedia.stream()
                .filter(media ->
                        media.text("owner_relationship").map("main"::equals).orElse(false))
                .findFirst()
                .or(() -> videoMedia.stream().findFirst());
    }

    private record FoundDuration(double seconds, String field) {}

    private static Optional<FoundDuration> duration(JsonNode postFile, JsonNode preview, JsonApiResource media) {
        if (postFile != null) {
            Optional<FoundDuration> found = positive(postFile.path("duration"), "post_file.duration");
            if (found.isPresent()) {
                return found;
            }
        }
        Optional<FoundDuration> found = positive(
                        preview.path("full_content_duration"), "video_preview.full_content_duration")
                .or(() -> positive(preview.path("full_duration"), "video_preview.full_duration"));
        if (found.isPresent() || media == null) {
            return found;
        }
        return positive(media.attribute("display").path("duration"), "media.display.duration")
                .or(() -> positive(media.attribute("metadata").path("duration"), "media.metadata.duration"));
    }

    private static Optional<FoundDuration> positive(JsonNode value, String field) {
        OptionalDouble seconds = JsonApiResource.number(value);
        return seconds.isPresent() && seconds.getAsDouble() > 0
                ? Optional.of(new FoundDuration(seconds.getAsDouble(), field))
                : Optional.empty();
    }

    private static Optional<String> idText(JsonNode value) {
        return (value.isIntegralNumber() || value.isTextual())
                        && !value.asText().isBlank()
                ? Optional.of(value.asText())
                : Optional.empty();
    }
}
