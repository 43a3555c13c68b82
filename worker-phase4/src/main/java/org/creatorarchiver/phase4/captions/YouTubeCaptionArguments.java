package org.creatorarchiver.phase4.captions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The yt-dlp command line that fetches a video's captions and nothing else. As everywhere in the project, an
 * argument list (no shell) with the URL last, after {@code --}, so that no URL can be read as an option.
 */
final class YouTubeCaptionArguments {

    /** The name does not matter (captions are read, then the directory goes); it must only stay short. */
    static final String OUTPUT_TEMPLATE = "captions.%(ext)s";

    /** A language tag as the settings may hold one: letters, then subtags of letters or digits. */
    private static final Pattern LANGUAGE_SETTING = Pattern.compile("[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*");

    /**
     * YouTube lists the original automatic track twice, as "en" and as "en-orig" (the same file); yt-dlp matches
     * these patterns in full and drops what a pattern starting with "-" matches.
     */
    private static final String SKIP_ORIGINAL_DUPLICATES = "-.*-orig";

    private static final List<String> OPTIONS = List.of(
            "--ignore-config",
            "--no-playlist",
            "--no-progress",
            "--skip-download",
            // -J with --no-simulate writes the captions and then prints the metadata, with each caption's final path
            // in requested_subtitles: nothing has to be guessed from file names.
            "-J",
            "--no-simulate",
            // A caption that fails to download is a warning, not the loss of the others; a page that cannot be
            // read still exits 1.
            "--ignore-errors",
            "--write-subs",
            "--write-auto-subs",
            "--sub-format",
            "vtt/srt/best");

    private YouTubeCaptionArguments() {}

    static List<String> fetch(String ytDlp, List<String> captionLanguages, String url, Path outDir) {
        List<String> args = new ArrayList<>(List.of(ytDlp));
        args.addAll(OPTIONS);
        args.addAll(List.of("--sub-langs", subLanguages(captionLanguages)));
        args.addAll(List.of("-P", outDir.toString(), "-o", OUTPUT_TEMPLATE, "--", url));
        return List.copyOf(args);
    }

    /**
     * Every track of each listed language, whatever its region ("en" asks for "en", "en-US", "en-GB"...; the
     * choice prefers exact tags later): {@code en(-.*)?,es(-.*)?,-.*-orig}.
     *
     * @throws IllegalArgumentException a listed language is not a language tag
     */
    static String subLanguages(List<String> captionLanguages) {
        Set<String> patterns = new LinkedHashSet<>();
        for (String language : captionLanguages) {
            if (!LANGUAGE_SETTING.matcher(language).matches()) {
                throw new IllegalArgumentException(
                        "transcription.caption_languages: \"" + language + "\" is not a language tag such as \"en\"");
            }
            patterns.add(LanguageTags.primary(language) + "(-.*)?");
        }
        patterns.add(SKIP_ORIGINAL_DUPLICATES);
        return String.join(",", patterns);
    }
}
