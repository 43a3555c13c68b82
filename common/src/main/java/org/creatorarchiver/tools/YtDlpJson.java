package org.creatorarchiver.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads what {@code yt-dlp -J} prints. Only fields present in 2023.03.04 and later are used. */
final class YtDlpJson {

    private YtDlpJson() {}

    /** @throws IllegalArgumentException the JSON is not a video (no {@code id}) */
    static VideoInfo videoInfo(JsonNode json) {
        String id = json.path("id").asText("");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("no video id in yt-dlp's output");
        }
        JsonNode duration = json.path("duration");
        return new VideoInfo(
                id,
                json.path("title").asText(id),
                duration.isNumber() ? Optional.of(duration.asDouble()) : Optional.empty(),
                json.path("extractor").asText(""),
                keys(json.path("subtitles")),
                keys(json.path("automatic_captions")),
                json.path("playable_in_embed").isBoolean()
                        ? Optional.of(json.path("playable_in_embed").booleanValue())
                        : Optional.empty());
    }

    /**
     * The final video path is {@code requested_downloads[0].filepath} (after merging and remuxing); subtitles are
     * {@code requested_subtitles.<lang>.filepath}, absent when that subtitle failed to download (then the language is
     * one of the missing subtitles). A language is
     * machine-made when yt-dlp took it from {@code automatic_captions}, i.e. it has no human {@code subtitles}.
     * Relative paths are relative to {@code workingDirectory}.
     *
     * @throws IllegalArgumentException yt-dlp names no video file, or one that is not there
     */
    static Downloaded downloaded(JsonNode json, Path workingDirectory) {
        VideoInfo info = videoInfo(json);
        Path video = videoFile(json, workingDirectory);
        List<SubtitleFile> subtitles = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        JsonNode requested = json.path("requested_subtitles");
        for (String language : keys(requested)) {
            subtitleFile(requested.path(language), language, info, workingDirectory)
                    .ifPresentOrElse(subtitles::add, () -> missing.add(language));
        }
        return new Downloaded(video, subtitles, missing, info);
    }

    private static Path videoFile(JsonNode json, Path workingDirectory) {
        String videoPath =
                json.path("requested_downloads").path(0).path("filepath").asText("");
        if (videoPath.isEmpty()) {
            throw new IllegalArgumentException("yt-dlp reported no downloaded file");
        }
        Path video = workingDirectory.resolve(videoPath);
        if (!Files.isRegularFile(video)) {
            throw new IllegalArgumentException("yt-dlp reported " + video + " but there is no such file");
        }
        return video;
    }

    /** Empty when the subtitle did not download. */
    private static Optional<SubtitleFile> subtitleFile(
            JsonNode requested, String language, VideoInfo info, Path workingDirectory) {
        String path = requested.path("filepath").asText("");
        Path file = workingDirectory.resolve(path);
        if (path.isEmpty() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        boolean machineMade = !info.subtitleLanguages().contains(language)
                && info.automaticCaptionLanguages().contains(language);
        return Optional.of(new SubtitleFile(language, machineMade, file));
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new TreeSet<>();
        if (object.isObject()) {
            object.properties().forEach(property -> keys.add(property.getKey()));
        }
        return keys;
    }
}
