package org.creatorarchiver.phase4.audio;

/**
 * The one format every chunk is sent in. MP3 (LAME), mono, 16 kHz, constant 32 kbit/s:
 * <ul>
 *   <li>MP3 is the one compact format that every OpenAI-compatible server takes: OpenAI and Groq list it, speaches
 *       decodes anything, and whisper.cpp's server reads WAV, MP3 and FLAC by itself (anything else only when it was
 *       started with {@code --convert}, an ffmpeg of its own); Opus would be smaller, but not everywhere accepted.</li>
 *   <li>16 kHz mono is what Whisper-family models resample to anyway: more rate or channels only cost bytes.</li>
 *   <li>32 kbit/s keeps speech intelligible at 4 kB per second (an hour in 14.4 MB, so the 25 MB request limit is
 *       never the binding one at the default 600 s per chunk), and a constant bitrate makes a chunk's size
 *       predictable from its length, which is what lets {@link ChunkPlan} stay under that limit before cutting.</li>
 * </ul>
 */
public final class CompactAudio {

    public static final int SAMPLE_RATE = 16_000;
    public static final int CHANNELS = 1;
    public static final int BITS_PER_SECOND = 32_000;
    public static final String CODEC = "libmp3lame";
    /** ffmpeg's name of the container, given explicitly so that no file name decides it. */
    public static final String MUXER = "mp3";

    public static final String EXTENSION = ".mp3";
    /** The content type of the files, for a multipart upload. */
    public static final String CONTENT_TYPE = "audio/mpeg";

    private CompactAudio() {}

    /** Bytes per second of audio at the constant bitrate (frame headers included). */
    public static double bytesPerSecond() {
        return BITS_PER_SECOND / 8.0;
    }
}
