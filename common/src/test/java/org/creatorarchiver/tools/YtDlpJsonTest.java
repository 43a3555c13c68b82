package org.creatorarchiver.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code yt-dlp -J --no-simulate} prints for a YouTube video, cut to the fields used: human Spanish
 * subtitles, machine captions in many languages, and a Spanish track that failed to download (no filepath).
 */
class YtDlpJsonTest {

    private static final String YOUTUBE_DOWNLOAD = """
            {"id": "dQw4w9WgXcQ", "title": "A talk", "duration": 212, "extractor": "youtube",
             "subtitles": {"es": [{"ext": "vtt"}], "live_chat": [{"ext": "json"}]},
             "automatic_captions": {"en": [{"ext": "vtt"}], "es": [{"ext": "vtt"}], "fr": [{"ext": "vtt"}]},
             "requested_subtitles": {"en": {"ext": "vtt", "filepath": "dQw4w9WgXcQ.en.vtt"},
                                     "es": {"ext": "vtt", "filepath": "%s"}},
             "requested_downloads": [{"ext": "mp4", "filepath": "%s"}]}
            """;

    @TempDir
    Path job;

    @Test
    void aLanguageWithoutHumanSubtitlesIsMarkedMachineMade() throws Exception {
        Path video = Files.writeString(job.resolve("dQw4w9WgXcQ.mp4"), "video");
        Files.writeString(job.resolve("dQw4w9WgXcQ.en.vtt"), "WEBVTT");
        Files.writeString(job.resolve("dQw4w9WgXcQ.es.vtt"), "WEBVTT");

        Downloaded downloaded = YtDlpJson.downloaded(json("dQw4w9WgXcQ.es.vtt", video.toString()), job);

        assertThat(downloaded.video()).isEqualTo(video);
        assertThat(downloaded.subtitles())
                .containsExactly(
                        new SubtitleFile("en", true, job.resolve("dQw4w9WgXcQ.en.vtt")),
                        new SubtitleFile("es", false, job.resolve("dQw4w9WgXcQ.es.vtt")));
        assertThat(downloaded.info().duration()).hasValue(212.0);
        assertThat(downloaded.info().subtitleLanguages()).containsExactly("es", "live_chat");
        assertThat(downloaded.info().automaticCaptionLanguages()).containsExactly("en", "es", "fr");
    }

    @Test
    void aSubtitleThatFailedToDownloadIsLeftOut() throws Exception {
        Files.writeString(job.resolve("dQw4w9WgXcQ.mp4"), "video");
        Files.writeString(job.resolve("dQw4w9WgXcQ.en.vtt"), "WEBVTT");

        Downloaded downloaded = YtDlpJson.downloaded(json("", "dQw4w9WgXcQ.mp4"), job);

        assertThat(downloaded.subtitles()).extracting(SubtitleFile::language).containsExactly("en");
        assertThat(downloaded.missingSubtitles()).containsExactly("es");
    }

    @Test
    void aVideoFileThatIsNotThereIsAnError() {
        assertThatThrownBy(() -> YtDlpJson.downloaded(json("", "dQw4w9WgXcQ.mp4"), job))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dQw4w9WgXcQ.mp4");
    }

    private static JsonNode json(String spanishPath, String videoPath) throws Exception {
        return new ObjectMapper().readTree(YOUTUBE_DOWNLOAD.formatted(spanishPath, videoPath));
    }
}
