package org.creatorarchiver.phase2.media;

import static org.creatorarchiver.phase2.media.MediaJson.byId;
import static org.creatorarchiver.phase2.media.MediaJson.idText;
import static org.creatorarchiver.phase2.media.MediaJson.metadata;
import static org.creatorarchiver.phase2.media.MediaJson.number;
import static org.creatorarchiver.phase2.media.MediaJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.patreon.jsonapi.JsonApiDocument;
import org.creatorarchiver.patreon.jsonapi.JsonApiResource;
import org.creatorarchiver.patreon.posts.PatreonVideo;

/** The post's video or audio: {@code post_file}, else the {@code audio} relationship, else a video media. */
final class MainFile {

    private static final Pattern AUDIO_NAME = Pattern.compile("(?i).*\\.(mp3|m4a|aac|wav|flac|ogg|opus)$");
    private static final Pattern VIDEO_NAME = Pattern.compile("(?i).*\\.(mp4|mov|m4v|webm|mkv|avi)$");

    private MainFile() {}

    static Optional<MediaItem> of(JsonApiDocument document, JsonApiResource post) {
        Optional<PatreonVideo> video = PatreonVideo.of(document, post);
        JsonNode postFile = post.attribute("post_file");
        if (video.isPresent()) {
            return Optional.of(patreonVideo(document, video.get(), postFile));
        }
        List<JsonApiResource> audio = document.related(post, "audio");
        Optional<String> fileName = text(postFile, "name");
        if (!audio.isEmpty() || isNamed(fileName, AUDIO_NAME)) {
            return Optional.of(audio(document, audio, postFile));
        }
        if (isNamed(fileName, VIDEO_NAME)) {
            return Optional.of(namedVideo(postFile, fileName.get()));
        }
        return Optional.empty();
    }

    private static boolean isNamed(Optional<String> fileName, Pattern pattern) {
        return fileName.map(name -> pattern.matcher(name).matches()).orElse(false);
    }

    private static MediaItem patreonVideo(JsonApiDocument document, PatreonVideo video, JsonNode postFile) {
        Optional<JsonApiResource> media = byId(document, video.mediaId());
        String url = text(postFile, "url")
                .or(() -> media.flatMap(m -> text(m.attribute("display"), "url")))
                .orElse(null);
        ObjectNode metadata = metadata(media);
        metadata.put("delivery", isHls(url, postFile) ? "hls" : "direct");
        text(postFile, "name").filter(name -> !name.equals("video")).ifPresent(name -> metadata.put("file_name", name));
        return new MediaItem(
                PostMediaKind.video,
                Optional.ofNullable(url),
                Optional.of(video.mediaId()),
                Optional.of(MediaItem.VideoSource.PATREON),
                video.durationSeconds(),
                metadata);
    }

    private static boolean isHls(String url, JsonNode postFile) {
        return url != null && url.toLowerCase(Locale.ROOT).contains(".m3u8")
                || text(postFile, "name").map("video"::equals).orElse(false);
    }

    private static MediaItem audio(JsonApiDocument document, List<JsonApiResource> audio, JsonNode postFile) {
        Optional<String> mediaId = idText(postFile.path("media_id"));
        Optional<JsonApiResource> media =
                audio.stream().findFirst().or(() -> mediaId.flatMap(id -> byId(document, id)));
        Optional<String> url = media.flatMap(MediaJson::downloadUrl).or(() -> text(postFile, "url"));
        ObjectNode metadata = metadata(media);
        text(postFile, "name").ifPresent(name -> metadata.put("file_name", name));
        return new MediaItem(
                PostMediaKind.audio,
                url,
                media.map(JsonApiResource::id).or(() -> mediaId),
                Optional.empty(),
                audioDuration(postFile, media),
                metadata);
    }

    /** The post file's duration, else the audio media's. */
    private static OptionalDouble audioDuration(JsonNode postFile, Optional<JsonApiResource> media) {
        OptionalDouble duration = number(postFile.path("duration"));
        if (duration.isEmpty() && media.isPresent()) {
            duration = number(media.get().attribute("metadata").path("duration_s"));
        }
        return duration;
    }

    /** A {@code post_file} whose name is a video file's, with no Patreon video behind it. */
    private static MediaItem namedVideo(JsonNode postFile, String fileName) {
        ObjectNode metadata =
                JsonNodeFactory.instance.objectNode().put("delivery", "direct").put("file_name", fileName);
        return new MediaItem(
                PostMediaKind.video,
                text(postFile, "url"),
                idText(postFile.path("media_id")),
                Optional.of(MediaItem.VideoSource.PATREON),
                number(postFile.path("duration")),
                metadata);
    }
}
