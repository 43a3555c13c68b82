package org.creatorarchiver.phase4.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What yt-dlp printed for a Spanish video with English subtitles written by its creator (a saved-style sample). */
class YtDlpCaptionListingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void humanTracksAreThoseUnderSubtitlesAndTranslationsAreMarkedByTheirUrl() throws IOException {
        write("captions.en.vtt", "captions.es.vtt", "captions.es-en.vtt");

        List<CaptionTrack> tracks =
                YtDlpCaptionListing.read(listing(), directory).written();

        assertThat(tracks)
                .containsExactlyInAnyOrder(
                        new CaptionTrack("en", false, false, directory.resolve("captions.en.vtt")),
                        new CaptionTrack("es", true, false, directory.resolve("captions.es.vtt")),
                        new CaptionTrack("es-en", true, true, directory.resolve("captions.es-en.vtt")));
    }

    @Test
    void theSpokenSpanishBeatsItsTranslationFromTheEnglishSubtitles() throws IOException {
        write("captions.en.vtt", "captions.es.vtt", "captions.es-en.vtt");

        List<CaptionTrack> tracks =
                YtDlpCaptionListing.read(listing(), directory).written();

        assertThat(CaptionChoice.ranked(tracks, List.of("es")))
                .extracting(CaptionTrack::language)
                .containsExactly("es", "es-en");
    }

    @Test
    void aCaptionThatDidNotDownloadIsLeftOutAndNamed() throws IOException {
        write("captions.en.vtt");

        YtDlpCaptionListing.Listing listing = YtDlpCaptionListing.read(listing(), directory);

        assertThat(listing.written()).extracting(CaptionTrack::language).containsExactly("en");
        assertThat(listing.missing()).containsExactly("es", "es-419", "es-en");
    }

    @Test
    void anAsrTrackListedAsOriginalKeepsThePlainLanguageTag() throws IOException {
        write("captions.es-orig.vtt");
        JsonNode json = JSON.readTree("""
                {"id": "kJQP7kiw5Fk", "subtitles": {},
                 "requested_subtitles": {"es-orig": {"ext": "vtt", "filepath": "captions.es-orig.vtt",
                   "url": "https://www.youtube.com/api/timedtext?v=kJQP7kiw5Fk&kind=asr&lang=es&fmt=vtt"}}}
                """);

        assertThat(YtDlpCaptionListing.read(json, directory).written())
                .containsExactly(new CaptionTrack("es", true, false, directory.resolve("captions.es-orig.vtt")));
    }

    @Test
    void aVideoWithoutCaptionsHasNoTracks() throws IOException {
        JsonNode json = JSON.readTree("{\"id\": \"x\", \"subtitles\": {}, \"requested_subtitles\": null}");

        assertThat(YtDlpCaptionListing.read(json, directory).written()).isEmpty();
    }

    @Test
    void outputWithoutAVideoIdIsRefused() throws IOException {
        assertThatThrownBy(() -> YtDlpCaptionListing.read(JSON.readTree("{\"title\": \"?\"}"), directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no video id in yt-dlp's output");
    }

    private JsonNode listing() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/captions/youtube-listing.json")) {
            return JSON.readTree(in);
        }
    }

    private void write(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(directory.resolve(name), "WEBVTT\n");
        }
    }
}
