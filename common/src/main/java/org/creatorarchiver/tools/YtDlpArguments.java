package org.creatorarchiver.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The yt-dlp command lines, checked against yt-dlp 2023.03.04 (Debian 12) and valid on every later version.
 * The URL always comes last, after {@code --}, so that no URL can ever be read as an option.
 */
final class YtDlpArguments {
    /**
     * A fixed name in the job's own directory: ids taken from URLs (the generic extractor's, for a Mux playlist with
     * its token) can exceed the file system's name limit, and the name never matters since files are stored by hash.
     */
    static final String OUTPUT_TEMPLATE = "video.%(ext)s";

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern HEIGHT = Pattern.compile("(\\d{2,4})p");

    private static final List<String> DOWNLOAD_OPTIONS = List.of(
            "--ignore-config",
            "--no-playlist",
            "--no-progress",
            // -J with --no-simulate prints the metadata after downloading, with the final paths of the video
            // (after merging and remuxing) and of each subtitle file: nothing has to be guessed from a listing.
            "-J",
            "--no-simulate",
            // Only so that a subtitle that fails to download is a warning, not the loss of the whole video:
            // a failed video download still exits 1 (verified with 2023.03.04).
            "--ignore-errors");

    private YtDlpArguments() {}

    /** {@code -J} prints the video's metadata as JSON without downloading. */
    static List<String> probe(String ytDlp, String url, Map<String, String> headers) {
        List<String> args = new ArrayList<>(List.of(ytDlp, "--ignore-config", "-J", "--no-warnings", "--no-playlist"));
        addHeaders(args, headers);
        return urlLast(args, url);
    }

    static List<String> download(
            String ytDlp, Optional<Path> ffmpeg, String url, Path outDir, DownloadRequest request) {
        List<String> args = new ArrayList<>(List.of(ytDlp));
        args.addAll(DOWNLOAD_OPTIONS);
        args.addAll(format(request.quality()));
        request.container().ifPresent(container -> args.addAll(container(container)));
        args.addAll(subtitles(request));
        addHeaders(args, request.headers());
        ffmpeg.ifPresent(path -> args.addAll(List.of("--ffmpeg-location", path.toString())));
        args.addAll(List.of("-P", outDir.toString(), "-o", OUTPUT_TEMPLATE));
        return urlLast(args, url);
    }

    private static List<String> container(String container) {
        return List.of(
                // merging separate video and audio streams (YouTube's best) ends in this container
                "--merge-output-format", container,
                // and a single file in another container (a webm, HLS's MPEG-TS) is remuxed into it, never
                // re-encoded
                "--remux-video", container);
    }

    private static List<String> subtitles(DownloadRequest request) {
        if (request.subtitleLanguages().isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of(
                "--write-subs",
                "--sub-langs",
                String.join(",", request.subtitleLanguages()),
                "--sub-format",
                "vtt/best"));
        if (request.autoSubtitles()) {
            // yt-dlp takes machine captions only for languages without human subtitles
            args.add("--write-auto-subs");
        }
        return args;
    }

    /** {@code best}, {@code worst}, a height, or a yt-dlp format selector as given. */
    static List<String> format(String quality) {
        String normalized = quality.strip().toLowerCase(Locale.ROOT);
        Matcher height = HEIGHT.matcher(normalized);
        if (normalized.equals("best")) {
            return List.of("-f", "bv*+ba/b");
        } else if (normalized.equals("worst")) {
            return List.of("-f", "wv*+wa/w");
        } else if (height.matches()) {
            // Sorting by "res:N" prefers the largest at or below N, and the smallest above N if there is none.
            return List.of("-f", "bv*+ba/b", "-S", "res:" + height.group(1));
        }
        return List.of("-f", quality.strip());
    }

    private static void addHeaders(List<String> args, Map<String, String> headers) {
        new TreeMap<>(headers).forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not an HTTP header name: \"" + name + "\"");
            }
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new IllegalArgumentException("the value of HTTP header " + name + " contains a line break");
            }
            args.addAll(List.of("--add-header", name + ":" + value));
        });
    }

    private static List<String> urlLast(List<String> args, String url) {
        args.add("--");
        args.add(url);
        return List.copyOf(args);
    }
}
