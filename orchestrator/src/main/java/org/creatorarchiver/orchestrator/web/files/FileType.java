package org.creatorarchiver.orchestrator.web.files;

import java.util.Locale;
import java.util.Map;

/**
 * The content type a stored file is sent with, and whether a browser may show it inline: only media the pages play
 * (video, audio, WebVTT subtitles, raster images). Everything else is a download.
 */
record FileType(String contentType, boolean inline) {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mkv", "video/x-matroska"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("opus", "audio/ogg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("flac", "audio/flac"),
            Map.entry("vtt", "text/vtt"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"));

    /** From the stored type when it is a playable one, else from the file's extension; a download otherwise. */
    static FileType of(String storedType, String filePath) {
        String extension = filePath.substring(filePath.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = BY_EXTENSION.get(extension);
        if (type != null) {
            return new FileType(type, true);
        }
        String stored = storedType == null ? "" : storedType.toLowerCase(Locale.ROOT);
        boolean media = stored.matches("(video|audio)/[a-z0-9.+-]+");
        return media ? new FileType(stored, true) : new FileType("application/octet-stream", false);
    }
}
