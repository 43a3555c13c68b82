package org.creatorarchiver.media;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a file lives inside {@code MEDIA_DIR}: {@code sha256/<h[0:2]>/<h[2:4]>/<hash>[.<ext>]}, the shape the
 * {@code media_files_file_path_from_hash} check accepts. Extensions come from URLs and tools, so only a short
 * lowercase alphanumeric one is kept; anything else gives a path without an extension.
 */
public final class MediaPaths {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SAFE_EXTENSION = Pattern.compile("[a-z0-9]{1,10}");

    private MediaPaths() {}

    /** The path of the file with these bytes, relative to {@code MEDIA_DIR}, always with '/' separators. */
    public static String relativePath(String sha256, String extension) {
        requireSha256(sha256);
        String base = "sha256/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
        return safeExtension(extension).map(ext -> base + "." + ext).orElse(base);
    }

    /**
     * The extension as stored: a leading dot dropped, lowercased, kept only when it is 1 to 10 of {@code [a-z0-9]}.
     * {@code ".MP4"} gives {@code mp4}; {@code "tar.gz"}, {@code "../x"} or {@code null} give none.
     */
    public static Optional<String> safeExtension(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        String cleaned = (extension.startsWith(".") ? extension.substring(1) : extension).toLowerCase(Locale.ROOT);
        return SAFE_EXTENSION.matcher(cleaned).matches() ? Optional.of(cleaned) : Optional.empty();
    }

    static String requireSha256(String sha256) {
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in 64 lowercase hex digits: " + sha256);
        }
        return sha256;
    }
}
