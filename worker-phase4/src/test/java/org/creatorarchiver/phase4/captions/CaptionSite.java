package org.creatorarchiver.phase4.captions;

import java.nio.file.Files;
import java.nio.file.Path;
import org.creatorarchiver.tools.LocalMediaSite;

/**
 * Common's local video site with two more pages: {@code /talk.html}, a video with English (WebVTT) and Spanish
 * (SRT) subtitle tracks made from the samples, and {@code /silent.html}, the same video without any track.
 */
final class CaptionSite implements AutoCloseable {

    static final String TALK = "/talk.html";
    static final String SILENT = "/silent.html";
    static final String ENGLISH_TRACK = "/talk.en.vtt";
    static final String SPANISH_TRACK = "/talk.es.srt";

    private final LocalMediaSite site;

    private CaptionSite(LocalMediaSite site) {
        this.site = site;
    }

    static CaptionSite start(Path root) throws Exception {
        LocalMediaSite site = LocalMediaSite.start(root);
        Captions.copy(Captions.MANUAL_EN, root, "talk.en.vtt");
        Captions.copy(Captions.SRT_ES, root, "talk.es.srt");
        Files.writeString(root.resolve("talk.html"), page("""
                  <track kind="subtitles" srclang="en" label="English" src="talk.en.vtt">
                  <track kind="captions" srclang="es" label="Español" src="talk.es.srt">
                """));
        Files.writeString(root.resolve("silent.html"), page(""));
        return new CaptionSite(site);
    }

    String url(String path) {
        return site.url(path);
    }

    /** Requests for {@code path} get a 404 until {@link #unhide}: a caption that fails to download. */
    void hide(String path) {
        site.hide(path);
    }

    void unhide(String path) {
        site.unhide(path);
    }

    private static String page(String tracks) {
        return """
                <!doctype html>
                <html><head><title>A talk</title></head><body>
                <video controls>
                  <source src="clip.mp4" type="video/mp4">
                %s</video>
                </body></html>
                """.formatted(tracks);
    }

    @Override
    public void close() {
        site.close();
    }
}
