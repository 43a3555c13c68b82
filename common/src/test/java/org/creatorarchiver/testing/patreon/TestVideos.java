package org.creatorarchiver.testing.patreon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The video files the fake's video site serves, made once with ffmpeg into a directory: {@code clip.mp4} (5 s,
 * 320x240, a key frame every 2 s), its subtitles {@code clip.en.vtt} and {@code clip.es.vtt}, and {@code mux/}, the
 * same clip as an HLS VOD in 2-second segments (what the fake's Mux host serves), once plain ({@link #MUX_PLAYLIST})
 * and once with an English WebVTT subtitle rendition ({@link #CAPTIONED_MUX_PLAYLIST}, as Mux serves a video with
 * captions); and {@code talk.mp3}, a real recording the fake's CDN can serve for its audio posts ({@link #audioIn}).
 */
public final class TestVideos {

    public static final double CLIP_SECONDS = 5.0;
    public static final String CLIP = "clip.mp4";
    public static final String ENGLISH_SUBTITLES = "clip.en.vtt";
    public static final String SPANISH_SUBTITLES = "clip.es.vtt";
    public static final String MUX = "mux";
    /** The plain stream: a media playlist of the clip's segments. */
    public static final String MUX_PLAYLIST = "video.m3u8";
    /** A multivariant playlist: the plain stream plus an English subtitle rendition ({@link #MUX_CAPTIONS}). */
    public static final String CAPTIONED_MUX_PLAYLIST = "captioned.m3u8";
    /** The cues of the captioned stream's subtitle rendition, one per line. */
    public static final List<String> MUX_CAPTIONS =
            List.of("Welcome to the captioned stream", "Every word here comes from the captions");

    public static final String AUDIO = "talk.mp3";
    public static final double AUDIO_SECONDS = 40.0;

    private TestVideos() {}

    /**
     * An HTML5 page playing the clip with its English and Spanish tracks, which yt-dlp's generic extractor reads;
     * {@code filesPath} prefixes the files' URLs ({@code ""} when they sit next to the page, or {@code /videos/}).
     */
    public static String watchPage(String filesPath) {
        return """
                <!doctype html>
                <html><head><title>A local video</title></head><body>
                <video controls>
                  <source src="%1$s%2$s" type="video/mp4">
                  <track kind="subtitles" srclang="en" label="English" src="%1$s%3$s">
                  <track kind="subtitles" srclang="es" label="Español" src="%1$s%4$s">
                </video>
                </body></html>
                """.formatted(filesPath, CLIP, ENGLISH_SUBTITLES, SPANISH_SUBTITLES);
    }

    /** Makes the files in {@code directory} unless a previous call made them; returns the directory. */
    public static Path makeIn(Path directory) throws IOException, InterruptedException {
        Path hls = directory.resolve(MUX).resolve(MUX_PLAYLIST);
        if (Files.isRegularFile(hls)) {
            return directory;
        }
        Files.createDirectories(directory.resolve(MUX));
        writeCaptionedStream(directory.resolve(MUX));
        Files.writeString(
                directory.resolve(ENGLISH_SUBTITLES),
                "WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                directory.resolve(SPANISH_SUBTITLES),
                "WEBVTT\n\n00:00.000 --> 00:02.000\nHola\n",
                StandardCharsets.UTF_8);
        ffmpeg(
                directory,
                "-f",
                "lavfi",
                "-i",
                "testsrc=duration=5:size=320x240:rate=25",
                "-f",
                "lavfi",
                "-i",
                "sine=duration=5",
                "-c:v",
                "libx264",
                "-g",
                "50",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-shortest",
                CLIP);
        // The playlist is written last: its presence means the directory is complete.
        ffmpeg(
                directory,
                "-i",
                CLIP,
                "-c",
                "copy",
                "-f",
                "hls",
                "-hls_time",
                "2",
                "-hls_playlist_type",
                "vod",
                "-hls_segment_filename",
                MUX + "/segment%d.ts",
                MUX + "/" + MUX_PLAYLIST);
        return directory;
    }

    /**
     * The playlists Mux serves for a video with captions: a multivariant playlist naming the plain stream and a
     * {@code SUBTITLES} group, whose media playlist has one WebVTT segment with the {@code X-TIMESTAMP-MAP} HLS
     * requires.
     */
    private static void writeCaptionedStream(Path mux) throws IOException {
        Files.writeString(mux.resolve(CAPTIONED_MUX_PLAYLIST), """
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=YES,\
                AUTOSELECT=YES,URI="captions-en.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x240,CODECS="avc1.64000d,mp4a.40.2",SUBTITLES="subs"
                %s
                """.formatted(MUX_PLAYLIST));
        Files.writeString(mux.resolve("captions-en.m3u8"), """
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:5
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXTINF:5.0,
                captions-en.vtt
                #EXT-X-ENDLIST
                """);
        Files.writeString(mux.resolve("captions-en.vtt"), """
                WEBVTT
                X-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000

                00:00.000 --> 00:02.500
                %s

                00:02.500 --> 00:05.000
                %s
                """.formatted(MUX_CAPTIONS.get(0), MUX_CAPTIONS.get(1)));
    }

    /** A 40 s mono MP3 (a tone), {@code talk.mp3} in {@code directory}, made unless a previous call made it. */
    public static Path audioIn(Path directory) throws IOException, InterruptedException {
        Path audio = directory.resolve(AUDIO);
        if (!Files.isRegularFile(audio)) {
            Files.createDirectories(directory);
            // Written under another name and moved: a file named talk.mp3 is always complete.
            ffmpeg(
                    directory,
                    "-f",
                    "lavfi",
                    "-i",
                    "sine=frequency=220:duration=40",
                    "-ac",
                    "1",
                    "-b:a",
                    "32k",
                    "partial-" + AUDIO);
            Files.move(directory.resolve("partial-" + AUDIO), audio);
        }
        return audio;
    }

    private static void ffmpeg(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("ffmpeg making the test videos failed: " + output.strip());
        }
    }
}
