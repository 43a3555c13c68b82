package org.creatorarchiver.phase2;

import java.nio.file.Path;
import org.creatorarchiver.tools.LocalMediaSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the phase 2 tests that download videos start from: the seven sample posts on the fake Patreon (posts 0..6:
 * inline image, Vimeo, images + attachment, audio, Mux video, YouTube, TipTap text), its Mux host serving a real HLS
 * stream, and a local video page with en and es subtitles (made once per test class with ffmpeg).
 */
abstract class SamplePostsWithVideoSite {

    static LocalMediaSite site;

    @TempDir
    static Path siteDir;

    @TempDir
    Path mediaDir;

    Phase2Harness phase2;

    @BeforeAll
    static void startSite() throws Exception {
        site = LocalMediaSite.start(siteDir);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @BeforeEach
    void startPhase2() {
        phase2 = new Phase2Harness(mediaDir, 7);
        phase2.patreon.muxDirectory(site.muxDirectory());
    }

    @AfterEach
    void closePhase2() {
        phase2.close();
    }
}
