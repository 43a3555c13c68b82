package org.creatorarchiver.tools;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a child program gets: only what a downloader needs to run, never the archiver's secrets
 * ({@code PATREON_SESSION_ID}, {@code DATABASE_PASSWORD}, …). It is built from an allow-list rather than by
 * removing known secrets, so a secret added later cannot leak by default.
 */
final class ChildEnvironment {

    /**
     * PATH finds helpers (yt-dlp runs ffmpeg), HOME holds yt-dlp's cache, LANG/LC_ALL decide how file names are
     * encoded, TMPDIR is where tools put scratch files, and the proxy variables keep a machine behind a proxy working.
     */
    static final Set<String> PASSED_THROUGH = Set.of(
            "PATH",
            "HOME",
            "LANG",
            "LC_ALL",
            "TMPDIR",
            "http_proxy",
            "https_proxy",
            "no_proxy",
            "all_proxy",
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "NO_PROXY",
            "ALL_PROXY");

    static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";
    /** Without a UTF-8 locale Python may write non-ASCII file names and output in ASCII. */
    static final String DEFAULT_LANG = "C.UTF-8";

    private ChildEnvironment() {}

    static Map<String, String> from(Map<String, String> parent) {
        Map<String, String> child = new TreeMap<>();
        parent.forEach((name, value) -> {
            if (PASSED_THROUGH.contains(name)) {
                child.put(name, value);
            }
        });
        child.putIfAbsent("PATH", DEFAULT_PATH);
        child.putIfAbsent("LANG", DEFAULT_LANG);
        return Map.copyOf(child);
    }
}
