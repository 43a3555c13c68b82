package org.creatorarchiver.phase4.captions;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The caption tracks yt-dlp wrote, read from what {@code -J --no-simulate} prints (fields present in yt-dlp
 * 2023.03.04 and later).
 *
 * <p>Manual and automatic tracks are told apart by the metadata, not by file names: yt-dlp names both
 * {@code <name>.<lang>.<ext>}, so the names cannot tell. {@code requested_subtitles} holds what it wrote, keyed by
 * language; with both {@code --write-subs} and {@code --write-auto-subs} it takes a language from
 * {@code automatic_captions} only when {@code subtitles} (human) has no track under that key, so a key found in
 * {@code subtitles} is a human track and any other key is automatic.
 *
 * <p>Translations: YouTube's automatic list also holds machine translations, of the speech recognition ("fr"
 * for an English video) and of human tracks ("es-en"). yt-dlp asks YouTube for them with a {@code tlang}
 * parameter in the caption URL, which marks them whatever their name.
 */
final class YtDlpCaptionListing {

    private static final Pattern TRANSLATION_PARAMETER = Pattern.compile("[?&]tlang=");
    private static final String ORIGINAL_SUFFIX = "-orig";

    private YtDlpCaptionListing() {}

    /**
     * What yt-dlp wrote and what it could not.
     *
     * @param written the tracks whose file is there
     * @param missing the languages yt-dlp chose but did not write (a warning for it: a 404, a 429, a timeout)
     */
    record Listing(List<CaptionTrack> written, Set<String> missing) {

        Listing {
            written = List.copyOf(written);
            missing = Collections.unmodifiableSortedSet(new TreeSet<>(missing));
        }
    }

    /**
     * Relative paths are relative to {@code workingDirectory}.
     *
     * @throws IllegalArgumentException the JSON is not a video's metadata
     */
    static Listing read(JsonNode json, Path workingDirectory) {
        requireVideo(json);
        JsonNode manual = json.path("subtitles");
        List<CaptionTrack> written = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        json.path("requested_subtitles").properties().forEach(entry -> {
            String path = entry.getValue().path("filepath").asText("");
            Path file = workingDirectory.resolve(path);
            if (!path.isEmpty() && Files.isRegularFile(file)) {
                written.add(track(entry.getKey(), manual.has(entry.getKey()), entry.getValue(), file));
            } else {
                missing.add(entry.getKey());
            }
        });
        return new Listing(written, missing);
    }

    private static void requireVideo(JsonNode json) {
        if (!json.isObject() || json.path("id").asText("").isEmpty()) {
            throw new IllegalArgumentException("no video id in yt-dlp's output");
        }
    }

    private static CaptionTrack track(String key, boolean manual, JsonNode requested, Path file) {
        String language =
                key.endsWith(ORIGINAL_SUFFIX) ? key.substring(0, key.length() - ORIGINAL_SUFFIX.length()) : key;
        boolean translated = !manual
                && (TRANSLATION_PARAMETER
                                .matcher(requested.path("url").asText(""))
                                .find()
                        || LanguageTags.namesTranslation(key));
        return new CaptionTrack(language, !manual, translated, file);
    }
}
